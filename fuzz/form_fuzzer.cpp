// The text decoders every form, query string and cookie goes through, with their invariants.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "manmulsang/http/form.hpp"
#include "manmulsang/http/multipart.hpp"
#include "manmulsang/http/request.hpp"

using namespace manmulsang::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);

  const Form form = Form::Parse(input);
  std::size_t decoded = 0;
  for (const auto& [name, value] : form.fields()) {
    decoded += name.size() + value.size();
    if (form.GetAll(name).empty()) std::abort();  // every parsed name can be found again
  }
  if (decoded > input.size()) std::abort();  // decoding never grows text

  if (PercentDecode(input, true).size() > input.size()) std::abort();
  if (PercentDecode(PercentEncode(input), false) != input) std::abort();  // lossless round trip
  if (const auto path = DecodePath(input)) {
    if (path->find('\0') != std::string::npos) std::abort();  // NUL never passes
  }

  for (const auto& [name, value] : ParseCookieHeader(input)) {
    if (name.empty() || name.data() < input.data() || value.data() + value.size() > input.data() + input.size()) {
      std::abort();
    }
  }

  // First byte picks a boundary length; the rest is the multipart body.
  if (!input.empty()) {
    const std::size_t boundary_length = static_cast<unsigned char>(input[0]) % 16 + 1;
    if (input.size() > boundary_length) {
      const std::string_view boundary = input.substr(1, boundary_length);
      const std::string_view body = input.substr(1 + boundary_length);
      if (const auto parts = ParseMultipart(body, boundary)) {
        if (parts->size() > kMaxMultipartParts) std::abort();
        for (const MultipartPart& part : *parts) {
          if (part.data.data() < body.data() || part.data.data() + part.data.size() > body.data() + body.size()) {
            std::abort();
          }
        }
      }
    }
    (void)MultipartBoundary(input);
  }
  return 0;
}
