#pragma once

namespace manmulsang::image {

// Starts libvips once per process, set up for a server that decodes untrusted uploads:
// - every loader is blocked except JPEG, PNG, WebP and GIF, so SVG, PDF, ImageMagick, TIFF, HEIF
//   and the rest cannot be reached even by a path that sniffs the format itself;
// - the operation cache is off: it would keep decoded uploads in memory for no gain, since no
//   upload is processed twice;
// - one worker thread per operation: requests already run in parallel, and a bounded number of
//   threads keeps memory bounded;
// - libvips warnings about damaged files are dropped: hostile input is expected, and the
//   refusal is reported to the caller as a value.
// Throws std::runtime_error if libvips cannot start (the process cannot serve images at all).
void EnsureVips();

}  // namespace manmulsang::image
