#pragma once

// Multipart upload requests for tests, as a browser or an API client sends them. Test-only
// (target manmulsang_media_testing, which also gives test_images.hpp from platform/image).

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "manmulsang/http/request.hpp"

namespace manmulsang::media::testing {

inline constexpr std::string_view kBoundary = "----manmulsang-test-boundary-7d3f";

struct UploadPart {
  std::string name;
  std::string content;
  std::string file_name;     // empty: a text field
  std::string content_type;  // of a file part
};

inline UploadPart FilePart(std::string name, std::string content, std::string file_name = "photo.jpg",
                           std::string content_type = "image/jpeg") {
  return UploadPart{std::move(name), std::move(content), std::move(file_name), std::move(content_type)};
}

inline UploadPart TextPart(std::string name, std::string value) {
  return UploadPart{std::move(name), std::move(value), {}, {}};
}

inline std::string MultipartContentType() { return "multipart/form-data; boundary=" + std::string(kBoundary); }

inline std::string MultipartBody(const std::vector<UploadPart>& parts) {
  std::string body;
  for (const UploadPart& part : parts) {
    body += "--" + std::string(kBoundary) + "\r\n";
    body += "Content-Disposition: form-data; name=\"" + part.name + "\"";
    if (!part.file_name.empty() || !part.content_type.empty()) {
      body += "; filename=\"" + part.file_name + "\"\r\n";
      body += "Content-Type: " + (part.content_type.empty() ? "application/octet-stream" : part.content_type);
    }
    body += "\r\n\r\n" + part.content + "\r\n";
  }
  body += "--" + std::string(kBoundary) + "--\r\n";
  return body;
}

inline http::Request MultipartRequest(http::Method method, std::string_view target,
                                      const std::vector<UploadPart>& parts,
                                      std::vector<std::pair<std::string, std::string>> headers = {}) {
  http::BeastRequest message(method, target, 11);
  message.set("Content-Type", MultipartContentType());
  for (const auto& [name, value] : headers) message.insert(name, value);
  message.body() = MultipartBody(parts);
  return http::Request(std::move(message), "127.0.0.1", "test-id");
}

}  // namespace manmulsang::media::testing
