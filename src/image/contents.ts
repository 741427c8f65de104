/**
 * Contents of an image once decoded.
 *
 * @module
 */

/** The decoded contents of an image: the child's manifest and its RAM dataspaces. */
export interface ImageContents {
  /**
   * The child's manifest (threads, regions, capabilities, sessions): a JSON value made of plain
   * objects, arrays, strings, finite numbers, booleans and null.
   */
  manifest: unknown;
  /** Dataspace id (a u32) to contents; each length is a multiple of 4096. */
  dataspaces: Map<number, Uint8Array>;
}
