/**
 * Options of `LayerFingerprint.ofDirectory`.
 */
export interface DirectoryFingerprintOptions {
  /**
   * Glob patterns (relative to the directory, fast-glob syntax) of files to leave out, added to the
   * defaults: build debris Lambda never needs (`__pycache__`, `*.pyc`, `.DS_Store`, `.pytest_cache`,
   * `.git`, `node_modules/.cache`).
   * @default - only the default excludes
   */
  readonly exclude?: string[];

  /**
   * Follow symbolic links and hash what they point at. When false, a link is hashed by its target path.
   * @default false
   */
  readonly followSymlinks?: boolean;
}
