#include "manmulsang/image/media_store.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <system_error>
#include <utility>

#include "manmulsang/core/sodium.hpp"

namespace manmulsang::image {
namespace {

constexpr std::size_t kHashHexLength = crypto_hash_sha256_BYTES * 2;

std::string Hex(const unsigned char* bytes, std::size_t length) {
  std::string hex(length * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, length);
  hex.pop_back();
  return hex;
}

std::string Sha256Hex(std::string_view bytes) {
  std::array<unsigned char, crypto_hash_sha256_BYTES> digest;
  crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return Hex(digest.data(), digest.size());
}

[[noreturn]] void ThrowErrno(const std::string& what) { throw std::system_error(errno, std::generic_category(), what); }

// Closes a descriptor on every path out.
class FileDescriptor {
 public:
  explicit FileDescriptor(int descriptor) : descriptor_(descriptor) {}
  ~FileDescriptor() {
    if (descriptor_ >= 0) ::close(descriptor_);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  int get() const { return descriptor_; }
  int Release() { return std::exchange(descriptor_, -1); }

 private:
  int descriptor_;
};

void WriteAll(int descriptor, std::string_view bytes, const std::string& path) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(descriptor, bytes.data(), bytes.size());
    if (written < 0) {
      if (errno == EINTR) continue;
      ThrowErrno("media: writing " + path);
    }
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
}

// A rename or a new entry is durable only once its folder is synced.
void SyncFolder(const std::filesystem::path& folder) {
  const FileDescriptor descriptor(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (descriptor.get() < 0) ThrowErrno("media: opening " + folder.string());
  if (::fsync(descriptor.get()) != 0) ThrowErrno("media: syncing " + folder.string());
}

bool IsLowerHex(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

MediaStore::MediaStore(std::filesystem::path root) : root_(std::move(root)) {
  core::EnsureSodium();
  std::filesystem::create_directories(root_);
}

bool MediaStore::IsValidName(std::string_view name) {
  if (name.size() <= kHashHexLength + 1 || name[kHashHexLength] != '.') return false;
  if (!IsLowerHex(name.substr(0, kHashHexLength))) return false;
  const std::string_view extension = name.substr(kHashHexLength + 1);
  return std::find(std::begin(kExtensions), std::end(kExtensions), extension) != std::end(kExtensions);
}

std::string_view MediaStore::ContentType(std::string_view name) {
  if (!IsValidName(name)) return {};
  const std::string_view extension = name.substr(kHashHexLength + 1);
  if (extension == "jpg") return "image/jpeg";
  if (extension == "png") return "image/png";
  if (extension == "webp") return "image/webp";
  return "image/gif";
}

std::filesystem::path MediaStore::PathOf(std::string_view valid_name) const {
  return root_ / std::string(valid_name.substr(0, 2)) / std::string(valid_name);
}

std::string MediaStore::Put(std::string_view bytes, std::string_view extension) const {
  if (std::find(std::begin(kExtensions), std::end(kExtensions), extension) == std::end(kExtensions)) {
    throw std::invalid_argument("media: extension not allowed: " + std::string(extension));
  }
  const std::string name = Sha256Hex(bytes) + "." + std::string(extension);
  const std::filesystem::path final_path = PathOf(name);
  // Same name, same bytes: a stored file is already complete (only whole files are renamed in).
  if (std::filesystem::exists(final_path)) return name;

  const std::filesystem::path shard = final_path.parent_path();
  if (std::filesystem::create_directories(shard)) SyncFolder(root_);

  // The temporary file sits in the same folder as the final one so the rename is atomic; its
  // random part keeps concurrent writers (threads or nodes sharing the folder) apart.
  std::array<unsigned char, 8> random;
  randombytes_buf(random.data(), random.size());
  const std::filesystem::path temporary_path = shard / (".tmp-" + Hex(random.data(), random.size()));

  FileDescriptor file(::open(temporary_path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (file.get() < 0) ThrowErrno("media: creating " + temporary_path.string());
  try {
    WriteAll(file.get(), bytes, temporary_path.string());
    if (::fsync(file.get()) != 0) ThrowErrno("media: syncing " + temporary_path.string());
    if (::close(file.Release()) != 0) ThrowErrno("media: closing " + temporary_path.string());
    // Two writers of the same bytes may both get here: the second rename replaces identical
    // content, which readers cannot tell apart.
    if (::rename(temporary_path.c_str(), final_path.c_str()) != 0) ThrowErrno("media: renaming " + final_path.string());
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary_path, ignored);
    throw;
  }
  SyncFolder(shard);
  return name;
}

std::optional<std::filesystem::path> MediaStore::Find(std::string_view name) const {
  if (!IsValidName(name)) return std::nullopt;
  std::filesystem::path path = PathOf(name);
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) return std::nullopt;
  return path;
}

std::optional<std::string> MediaStore::Read(std::string_view name) const {
  const auto path = Find(name);
  if (!path) return std::nullopt;
  std::ifstream file(*path, std::ios::binary);
  if (!file) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(file), std::istreambuf_iterator<char>());
}

std::vector<std::string> MediaStore::List() const {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& shard : std::filesystem::directory_iterator(root_, error)) {
    const std::string shard_name = shard.path().filename().string();
    if (!shard.is_directory() || shard_name.size() != 2 || !IsLowerHex(shard_name)) continue;
    for (const auto& entry : std::filesystem::directory_iterator(shard.path(), error)) {
      std::string name = entry.path().filename().string();
      if (entry.is_regular_file() && IsValidName(name) && name.starts_with(shard_name)) {
        names.push_back(std::move(name));
      }
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace manmulsang::image
