#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace manmulsang::image {

// Content-addressed files under one folder (the data folder's media/). A file's name is the hex
// SHA-256 of its bytes plus an extension ("3f9a…e1.jpg"); it lives in a folder named after the
// name's first two characters ("3f/3f9a…e1.jpg") so no folder grows too large.
//
// Files are written before the row that points to them: Put returns only once the file is
// durable under its final name, so a committed row never names a missing file. A crash leaves at
// worst a temporary file (".tmp-…") or a file no row names, never a half-written final file.
// Storing the same bytes twice stores one file. Files are never changed after they are written,
// so they can be served with an immutable cache. Thread- and process-safe.
class MediaStore {
 public:
  // Creates the folder if needed. Throws std::filesystem::filesystem_error if it cannot.
  explicit MediaStore(std::filesystem::path root);

  // Stores bytes and returns their name. extension is one of kExtensions (anything else is a
  // programmer error: std::invalid_argument). Throws std::system_error when the disk fails (full,
  // read-only): the request cannot be completed.
  std::string Put(std::string_view bytes, std::string_view extension) const;

  // The file's path if name is a valid name and the file exists; the way to serve it.
  std::optional<std::filesystem::path> Find(std::string_view name) const;
  // The file's bytes, if name is valid and stored.
  std::optional<std::string> Read(std::string_view name) const;

  // Every stored name, for a later garbage collection of files no row names. Temporary files
  // and anything not shaped like a name are skipped; nothing is deleted.
  std::vector<std::string> List() const;

  // Exactly 64 lowercase hex digits, a dot, and one of kExtensions: no path separators, no dots
  // elsewhere, so a name from a URL can never leave the folder.
  static bool IsValidName(std::string_view name);
  // "image/jpeg" for "….jpg" and so on; empty for an invalid name.
  static std::string_view ContentType(std::string_view name);

  static constexpr std::string_view kExtensions[] = {"jpg", "png", "webp", "gif"};

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path PathOf(std::string_view valid_name) const;

  std::filesystem::path root_;
};

}  // namespace manmulsang::image
