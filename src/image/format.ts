/**
 * The checkpoint image format, version 1: one file holding a child's manifest and the contents of
 * its RAM dataspaces, with every part checksummed and all-zero pages left out.
 * `docs/image-format.md` describes the layout byte by byte.
 *
 * @example
 * ```ts
 * import { decodeImage, encodeImage } from "./format.ts";
 *
 * const dataspaces = new Map([[3, new Uint8Array(3 * 4096)]]);
 * const image = encodeImage({ manifest: { threads: [] }, dataspaces });
 * const { manifest } = decodeImage(image);
 * ```
 *
 * @module
 */

export type { ImageContents } from "./contents.ts";
export { decodeImage } from "./decode.ts";
export { encodeImage } from "./encode.ts";
export { readImageFile, writeImageFile } from "./file.ts";
export type { WriteSteps } from "./file.ts";
export { IMAGE_VERSION, PAGE_SIZE } from "./layout.ts";
