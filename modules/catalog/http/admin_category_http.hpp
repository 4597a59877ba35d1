#pragma once

#include <boost/json/object.hpp>

#include "catalog_http.hpp"
#include "manmulsang/http/api_problem.hpp"

// The admin's category tree (admin_category_pages.cpp and admin_category_api.cpp); private to
// catalog/http.
namespace manmulsang::catalog {

http::ApiProblem ProblemOf(CategoryAdminError error);
// The JSON error in the request's language (t.catalog.admin_categories.error.<code>).
http::Response RefuseCategoryChange(const CatalogHttp& http, const http::Request& request,
                                    const http::ApiProblem& problem);
boost::json::object AdminCategoryJson(const Category& category, int depth);
// A change to the tree may show on any cached page (the home page's tiles, category pages, the
// facets of every listing page), so this node's page cache is cleared: changes are rare. Other
// nodes' cached pages end with their lifetimes.
inline void ForgetPagesAfterTreeChange(const CatalogHttp& http) { http.page_cache.Clear(); }

void AddAdminCategoryApi(http::Router& router, const CatalogHttp& http);
void AddAdminCategoryPages(http::Router& router, const CatalogHttp& http);

}  // namespace manmulsang::catalog
