#pragma once

#include "manmulsang/html/renderer.hpp"
#include "manmulsang/http/router.hpp"

namespace manmulsang::html {

// How the router answers a request that a route rule refused (RouteOptions role, json_body), or
// that the server refused before its handler ran (503 busy, Router::Refuse),
// worded from the shared catalog (t.error.*): a visitor asking for a page signs in and comes
// back; an API request gets the JSON error; a page gets the shared error page. The renderer must
// outlive the router.
http::Refusal RouteRefusal(const Renderer& renderer);

}  // namespace manmulsang::html
