// File-system failures while writing, in the clerk's words: what happened, to which file, and that
// the earlier outputs were left as they were.

/** An output that could not be written; the build wrote nothing of it and changed nothing else. */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'OutputError';
  }
}

const REASONS: Record<string, string> = {
  ENOSPC: 'ổ đĩa đã đầy',
  EDQUOT: 'đã hết hạn mức dung lượng',
  EACCES: 'không có quyền ghi',
  EPERM: 'không có quyền ghi',
  EROFS: 'ổ đĩa chỉ cho đọc',
  EISDIR: 'đã có một thư mục trùng tên',
  ENOTDIR: 'một phần của đường dẫn là tệp, không phải thư mục',
  EEXIST: 'đã có một tệp trùng tên',
  ENOENT: 'thư mục không tồn tại',
  EMFILE: 'mở quá nhiều tệp cùng lúc',
  EIO: 'lỗi đọc ghi của ổ đĩa',
};

/** The Vietnamese reason of an errno error, or null when it is not one. */
export function fsReason(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code ? (REASONS[code] ?? `lỗi hệ thống ${code}`) : null;
}

/** Wraps an fs error of writing `path`; other errors pass through unchanged. */
export function outputError(error: unknown, path: string, kept = 'các tệp kết quả và bản kê cũ được giữ nguyên'): Error {
  const reason = fsReason(error);
  if (!reason || error instanceof OutputError) return error as Error;
  return new OutputError(`không ghi được ${path}: ${reason}; ${kept}`, (error as NodeJS.ErrnoException).code);
}
