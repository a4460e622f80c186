// Finding the document inside its container, before any rule runs (placeholder, filled in below).
export type StructureStatus = 'document' | 'no-document' | 'samples' | 'no-text';
export interface StructureSummary {
  status: StructureStatus;
}
