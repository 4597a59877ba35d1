#pragma once

#include <optional>
#include <string>

#include "catalog_http.hpp"

namespace manmulsang::catalog {

// The page's address as a visitor reached it: "https" when the request came over TLS (directly
// or through the proxy's X-Forwarded-Proto), the Host header (kept with its port by nginx, as
// the CSRF check relies on) and path. nullopt when Host is missing or not a host name, an IPv4
// or bracketed IPv6 address with an optional port: nothing else may end up in a printed code.
std::optional<std::string> PageAddress(const http::Request& request, std::string_view path);

// GET /p/:id/qr.svg and /s/:id/qr.svg: the QR code of the product or shop page's address, for
// shelves and flyers, drawn on the server. 404 whenever the page itself would be.
void AddQrCodeRoutes(http::Router& router, const CatalogHttp& http);

}  // namespace manmulsang::catalog
