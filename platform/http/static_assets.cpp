#include "manmulsang/http/static_assets.hpp"

#include <sodium.h>

#include <array>
#include <unordered_map>
#include <vector>

#include "header_values.hpp"
#include "manmulsang/core/sodium.hpp"

namespace manmulsang::http {
namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
// Plain names may change with the next release, so they are revalidated (cheaply, by ETag).
constexpr std::string_view kRevalidate = "public, no-cache";

struct Asset {
  std::string path;         // "icons/cart.svg"
  std::string hashed_path;  // "icons/cart.1a2b3c4d.svg"
  std::string content_type;
  std::shared_ptr<const PrecompressedBody> body;
};

std::string ShortHash(std::string_view content) {
  core::EnsureSodium();
  std::array<unsigned char, 16> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(content.data()), content.size(),
                     nullptr, 0);
  std::array<char, 33> hex{};
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  return std::string(hex.data(), 8);
}

std::string HashedPath(std::string_view path, std::string_view hash) {
  const std::size_t slash = path.rfind('/');
  const std::size_t dot = path.rfind('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash) || dot == slash + 1) {
    return std::string(path) + "." + std::string(hash);
  }
  return std::string(path.substr(0, dot)) + "." + std::string(hash) + std::string(path.substr(dot));
}

std::string TemplateKey(std::string_view path) {
  std::string key(path);
  for (char& character : key) {
    if (character == '.' || character == '-' || character == '/') character = '_';
  }
  return key;
}

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const noexcept { return std::hash<std::string_view>{}(text); }
};

}  // namespace

std::string_view ContentTypeForFile(std::string_view file_name) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 14> kTypes = {{
      {".css", "text/css; charset=utf-8"},
      {".js", "application/javascript; charset=utf-8"},
      {".mjs", "application/javascript; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".webp", "image/webp"},
      {".json", "application/json"},
      {".txt", "text/plain; charset=utf-8"},
      {".html", "text/html; charset=utf-8"},
      {".woff2", "font/woff2"},
  }};
  const std::size_t dot = file_name.rfind('.');
  if (dot != std::string_view::npos) {
    const std::string_view extension = file_name.substr(dot);
    for (const auto& [known, type] : kTypes) {
      if (EqualsIgnoringCase(extension, known)) return type;
    }
  }
  return "application/octet-stream";
}

struct StaticAssets::Impl {
  std::vector<Asset> assets;
  std::vector<std::pair<std::string, std::string>> urls;  // template key → URL
  // name under /assets/ → asset index and whether the name is the hashed one.
  std::unordered_map<std::string, std::pair<std::size_t, bool>, TransparentHash, std::equal_to<>> by_name;
};

StaticAssets::StaticAssets(std::span<const core::EmbeddedFile> files) : impl_(std::make_unique<Impl>()) {
  impl_->assets.reserve(files.size());
  for (const core::EmbeddedFile& file : files) {
    Asset asset;
    asset.path = std::string(file.path);
    asset.hashed_path = HashedPath(file.path, ShortHash(file.content));
    asset.content_type = std::string(ContentTypeForFile(file.path));
    asset.body = Precompress(std::string(file.content), asset.content_type, CompressionEffort::best);
    const std::size_t index = impl_->assets.size();
    impl_->by_name[asset.hashed_path] = {index, true};
    impl_->by_name.try_emplace(asset.path, index, false);
    impl_->urls.emplace_back(TemplateKey(asset.path), "/assets/" + asset.hashed_path);
    impl_->assets.push_back(std::move(asset));
  }
}

StaticAssets::~StaticAssets() = default;

std::string_view StaticAssets::Url(std::string_view file_name) const {
  const auto found = impl_->by_name.find(file_name);
  if (found == impl_->by_name.end() || found->second.second) return {};
  return impl_->urls[found->second.first].second;
}

std::span<const std::pair<std::string, std::string>> StaticAssets::Urls() const { return impl_->urls; }

Response StaticAssets::Serve(std::string_view name) const {
  const auto found = impl_->by_name.find(name);
  if (found == impl_->by_name.end()) {
    Response missing = Response::Text("No such asset.\n", Status::not_found);
    missing.SetHeader("Cache-Control", "no-cache");
    return missing;
  }
  const auto& [index, hashed] = found->second;
  const Asset& asset = impl_->assets[index];
  Response response = Response::Shared(asset.body, asset.content_type);
  response.SetHeader("Cache-Control", hashed ? kImmutable : kRevalidate);
  return response;
}

void StaticAssets::AddRoutes(Router& router) const {
  router.Get("/assets/:file", [this](Request& request) { return Serve(request.PathParam("file")); });
  router.Get("/assets/:folder/:file", [this](Request& request) {
    return Serve(std::string(request.PathParam("folder")) + "/" + std::string(request.PathParam("file")));
  });
  if (impl_->by_name.contains(std::string_view("favicon.ico"))) {
    router.Get("/favicon.ico", [this](Request&) {
      Response response = Serve("favicon.ico");
      response.SetHeader("Cache-Control", "public, max-age=86400");
      return response;
    });
  }
}

}  // namespace manmulsang::http
