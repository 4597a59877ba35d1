#include "manmulsang/http/request.hpp"

#include <algorithm>

#include "header_values.hpp"

namespace manmulsang::http {
namespace field = boost::beast::http;

std::vector<std::pair<std::string_view, std::string_view>> ParseCookieHeader(std::string_view header) {
  std::vector<std::pair<std::string_view, std::string_view>> cookies;
  while (!header.empty()) {
    const std::size_t end = header.find(';');
    const std::string_view pair = Trim(header.substr(0, end));
    header = end == std::string_view::npos ? std::string_view{} : header.substr(end + 1);
    const std::size_t equals = pair.find('=');
    if (equals == std::string_view::npos || equals == 0) continue;
    const std::string_view name = Trim(pair.substr(0, equals));
    std::string_view value = Trim(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    if (!name.empty()) cookies.emplace_back(name, value);
  }
  return cookies;
}

Request::Request(BeastRequest message, std::string remote_address, std::string request_id)
    : message_(std::move(message)), remote_address_(std::move(remote_address)) {
  context_.request_id = std::move(request_id);

  std::string_view target = message_.target();
  // Absolute form ("http://host/path") is legal from proxies; only the path matters here.
  if (StartsWithIgnoringCase(target, "http://") || StartsWithIgnoringCase(target, "https://")) {
    const std::size_t authority = target.find("//") + 2;
    const std::size_t slash = target.find_first_of("/?", authority);
    target = slash == std::string_view::npos ? std::string_view("/") : target.substr(slash);
    if (!target.empty() && target.front() == '?') malformed_ = true;
  }
  const std::size_t question = target.find('?');
  raw_path_ = std::string(target.substr(0, question));
  if (raw_path_.empty() || raw_path_.front() != '/' || raw_path_.find('#') != std::string::npos) {
    malformed_ = true;
  }
  if (auto decoded = DecodePath(raw_path_)) {
    path_ = std::move(*decoded);
  } else {
    malformed_ = true;
  }
  if (question != std::string_view::npos) query_ = Form::Parse(target.substr(question + 1));

  const auto [first, last] = message_.equal_range(field::field::cookie);
  for (auto header = first; header != last; ++header) {
    auto parsed = ParseCookieHeader(header->value());
    cookies_.insert(cookies_.end(), parsed.begin(), parsed.end());
  }
}

std::string_view Request::Header(std::string_view name) const {
  const auto found = message_.find(name);
  return found == message_.end() ? std::string_view{} : std::string_view(found->value());
}

std::optional<std::string_view> Request::Query(std::string_view name) const { return query_.Get(name); }

std::optional<std::string_view> Request::Cookie(std::string_view name) const {
  // The first one wins, as in browsers, which send the most specific path first.
  for (const auto& [cookie_name, value] : cookies_) {
    if (cookie_name == name) return value;
  }
  return std::nullopt;
}

std::string_view Request::PathParam(std::string_view name) const {
  for (const auto& [parameter, value] : path_parameters_) {
    if (parameter == name) return value;
  }
  return {};
}

void Request::ParseBody() const {
  if (body_parsed_) return;
  body_parsed_ = true;
  const std::string_view content_type = Header("Content-Type");
  const std::string_view media_type = MediaType(content_type);
  if (EqualsIgnoringCase(media_type, "application/x-www-form-urlencoded")) {
    form_ = Form::Parse(message_.body());
    return;
  }
  if (!EqualsIgnoringCase(media_type, "multipart/form-data")) return;
  const auto boundary = MultipartBoundary(content_type);
  auto parts = boundary ? ParseMultipart(message_.body(), *boundary) : std::nullopt;
  if (!parts) {
    multipart_malformed_ = true;
    return;
  }
  parts_ = std::move(*parts);
  for (const MultipartPart& part : parts_) {
    if (!part.is_file) form_.Add(part.name, std::string(part.data));
  }
}

const Form& Request::form() const {
  ParseBody();
  return form_;
}

std::optional<UploadedFile> Request::File(std::string_view field_name) const {
  ParseBody();
  for (const MultipartPart& part : parts_) {
    if (part.is_file && part.name == field_name) {
      return UploadedFile{part.file_name, part.content_type, part.data};
    }
  }
  return std::nullopt;
}

bool Request::multipart_malformed() const {
  ParseBody();
  return multipart_malformed_;
}

bool Request::WantsJson() const {
  if (path_.starts_with("/api/")) return true;
  const std::string_view accept = Header("Accept");
  const std::size_t json = accept.find("application/json");
  if (json == std::string_view::npos) return false;
  const std::size_t html = accept.find("text/html");
  return html == std::string_view::npos || json < html;
}

void Request::SetRoute(std::string_view pattern, std::vector<std::pair<std::string, std::string>> parameters) {
  route_ = std::string(pattern);
  path_parameters_ = std::move(parameters);
}

}  // namespace manmulsang::http
