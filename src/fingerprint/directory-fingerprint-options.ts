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

  /**
   * Answer from the persistent cache when nothing in the directory changed. An entry counts as unchanged only
   * when its device, inode, size, modification time and change time (ctime, which `utimes`, `unzip` and
   * `tar` cannot set back) all match the cached snapshot, and were older than the snapshot by 2 seconds (git's
   * racy-clean rule). The cache lives in `$CDK_LAYER_SYNC_CACHE_DIR`, else `~/.cache/cdk-layer-sync`; a corrupt
   * or unwritable cache is ignored. The result is the same with or without it.
   * @default true
   */
  readonly cache?: boolean;
}
