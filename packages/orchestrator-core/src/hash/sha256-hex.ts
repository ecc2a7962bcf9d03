/**
 * The SHA-256 of UTF-8 text, as lowercase hex. `node:crypto` is loaded on first use rather than
 * at import: most `rc` runs never hash, and loading it costs a short run measurable time.
 */
export function sha256Hex(text: string): string {
  return process.getBuiltinModule('node:crypto').createHash('sha256').update(text).digest('hex');
}
