#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace manmulsang::http {

// Content negotiation and the compressors behind it. The server uses these for every response;
// they are public so that tests and caches can check what a client would receive.

enum class ContentEncoding { identity, gzip, brotli };

// Bodies smaller than this are sent as they are: the saving would not pay for the work.
inline constexpr std::size_t kMinCompressedSize = 512;

// Picks from an Accept-Encoding value, honouring q-values ("gzip;q=0" forbids gzip, "*" covers
// codings not named): the highest q between br and gzip wins, br on a tie; identity otherwise.
ContentEncoding NegotiateEncoding(std::string_view accept_encoding);
std::string_view EncodingName(ContentEncoding encoding);  // "br", "gzip", ""

// Text types that shrink well: HTML, CSS, JavaScript, JSON, SVG, plain text.
bool IsCompressible(std::string_view content_type);

std::string GzipCompress(std::string_view data, int level);      // level 1..9
std::string BrotliCompress(std::string_view data, int quality);  // quality 0..11

// A strong validator of a body: a quoted base64url BLAKE2b-128 hash ("\"...\"").
std::string StrongEtag(std::string_view body);
// Whether an If-None-Match value ("*", or a list of possibly weak tags) matches etag, using the
// weak comparison RFC 9110 prescribes for If-None-Match.
bool EtagMatches(std::string_view if_none_match, std::string_view etag);

}  // namespace manmulsang::http
