import { fingerprintDirectory } from './directory-fingerprint';
import { DirectoryFingerprintOptions } from './directory-fingerprint-options';

/**
 * Fingerprints of layer sources, for registries shared between CDK apps.
 */
export class LayerFingerprint {
  /**
   * The SHA-256 fingerprint (64 hex characters) of a layer's source directory.
   *
   * Deterministic: sorted relative POSIX paths and contents; independent of modification times, of the
   * order the file system lists entries, of where the tree is and of the machine. It changes with every
   * change that changes the layer: content, a rename, an added or deleted file, an executable bit, a
   * symbolic link's target. Build debris is left out (see `DirectoryFingerprintOptions.exclude`).
   *
   * @param directory the layer's source directory
   * @throws when the directory is missing, not a directory or empty, when a file cannot be read, or on a
   * symbolic link loop when following links; the message names the path
   */
  public static ofDirectory(directory: string, options: DirectoryFingerprintOptions = {}): string {
    return fingerprintDirectory(directory, options);
  }

  private constructor() {}
}
