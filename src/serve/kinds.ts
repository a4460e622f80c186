// The document kinds a JSON Schema describes: each object variant whose "loai" is a constant. Shared by
// the server (a new document's starter fields) and the page (the form of each kind, bundled into the
// client): it lives beside the server so that the package needs no compiled module of the client.

export interface SchemaNode {
  type?: string | string[]; // an array: the short form of anyOf (["string", "null"])
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  required?: string[];
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  items?: SchemaNode;
  minimum?: number;
  maximum?: number;
  default?: unknown;
}

export function kinds(schema: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = [];
  const visit = (n: SchemaNode) => {
    if (n.properties?.loai?.const !== undefined) out.push(n);
    for (const c of [...(n.anyOf ?? []), ...(n.oneOf ?? [])]) visit(c);
  };
  visit(schema);
  return out;
}

/**
 * The schema of a data file: its kind's, by "loai"; without "loai", the one other alternative of the
 * schema whose fields it uses (the campaign data, chien-dich.yaml). Null when neither fits.
 */
export function schemaOf(schema: SchemaNode, data: Record<string, unknown>): SchemaNode | null {
  if (data.loai !== undefined) return kinds(schema).find((k) => k.properties?.loai?.const === data.loai) ?? null;
  const keys = Object.keys(data);
  const others = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].filter((n) => n.properties && !n.properties.loai);
  return keys.length ? (others.find((n) => keys.every((k) => k in n.properties!)) ?? null) : null;
}
