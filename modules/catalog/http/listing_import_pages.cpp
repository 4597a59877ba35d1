// /seller/products/import: the upload form (multipart, no JavaScript, _csrf), then the job's
// progress page, which reloads itself (<meta http-equiv=refresh> and a Refresh header) until the
// import is done and then lists every row that was not imported.

#include <optional>
#include "listing_import.hpp"

#include "manmulsang/text/utf8.hpp"

namespace manmulsang::catalog {
namespace {

// A shop's own import form, jobs and listings: no cache keeps any answer of these routes.
constexpr http::RouteOptions kShopPage{.no_store = true};
// The file may be 10 MiB; the multipart envelope and the form's other fields add a little.
constexpr http::RouteOptions kUploadBody{.body_limit = 10 * 1024 * 1024 + 64 * 1024, .offload = true, .no_store = true};
constexpr int kRefreshSeconds = 2;

class ListingImportPages {
 public:
  explicit ListingImportPages(const ListingImportHttp& http)
      : http_(http), jobs_(http.listings, http.clock, [http] { ForgetShopPages(http); }) {}

  http::Response ShowForm(http::Request& request) {
    if (auto refusal = RefuseNonSeller(request, "/seller/products/import")) return std::move(*refusal);
    return RenderForm(request, {}, http::Status::ok);
  }

  http::Response Upload(http::Request& request) {
    if (auto refusal = RefuseNonSeller(request, "/seller/products/import")) return std::move(*refusal);
    const core::Locale locale = request.context().locale;
    if (request.multipart_malformed())
      return RenderForm(request, ImportErrorText(http_, locale, "file_required"), http::Status::bad_request);
    const auto file = request.File("file");
    if (!file || file->data.empty()) {
      return RenderForm(request, ImportErrorText(http_, locale, "file_required"), http::Status::bad_request);
    }
    auto plan = ReadListingCsv(file->data);
    if (!plan) return RenderForm(request, FileProblemText(http_, locale, plan.error()), http::Status::bad_request);
    auto job = jobs_.Start(request.context().actor, DisplayName(file->file_name), std::move(*plan));
    if (!job)
      return RenderForm(request, ImportErrorText(http_, locale, "import_busy"), http::Status::too_many_requests);
    return http::Response::Redirect("/seller/products/import/" + *job);
  }

  http::Response ShowJob(http::Request& request) {
    const std::string path = "/seller/products/import/" + std::string(request.PathParam("job"));
    if (auto refusal = RefuseNonSeller(request, path)) return std::move(*refusal);
    // Another shop's job reads as no job at all.
    auto job = jobs_.Find(request.PathParam("job"), *request.context().actor.user);
    if (!job) return http_.renderer.NotFound(request);
    const core::Locale locale = request.context().locale;

    html::Data data;
    data.set("title", Text(request, "catalog.csv.job_title"));
    data.set("file_name", job->file_name);
    data.set("rows_done", std::to_string(job->progress.rows_done));
    data.set("rows_total", std::to_string(job->progress.rows_total));
    data.set("created", std::to_string(job->progress.created));
    data.set("error_count", std::to_string(job->finished ? job->errors.size() : job->progress.errors));
    const int percent = job->progress.rows_total == 0
                            ? 100
                            : static_cast<int>(job->progress.rows_done * 100 / job->progress.rows_total);
    data.set("percent", std::to_string(percent));
    data.set("finished", html::Data(job->finished));
    data.set("running", html::Data(!job->finished));
    data.set("failed", html::Data(job->failed));
    data.set("refresh_seconds", std::to_string(kRefreshSeconds));
    data.set("job_url", path);
    if (job->finished) {
      html::List rows;
      for (const ListingCsvRowError& error : job->errors) {
        html::Data row;
        row.set("row", std::to_string(error.row));
        row.set("field", error.field);
        row.set("message", ImportErrorText(http_, locale, error.code));
        rows.push_back(std::move(row));
      }
      data.set("has_errors", html::Data(!rows.empty()));
      data.set("errors", html::Data(std::move(rows)));
    }
    http::Response response = http_.renderer.Page(request, "catalog/listing_import_job", std::move(data));
    if (!job->finished) response.SetHeader("Refresh", std::to_string(kRefreshSeconds) + "; url=" + path);
    return response;
  }

  http::Response Export(http::Request& request) {
    if (auto refusal = RefuseNonSeller(request, "/seller/products/import")) return std::move(*refusal);
    auto download = ExportDownload(http_, request);
    if (!download) return ForbiddenPage(request);
    return std::move(*download);
  }

 private:
  // Nothing when the visitor has an approved shop; else a visitor is sent to the login page (and
  // back), and anyone else gets the 403 page.
  std::optional<http::Response> RefuseNonSeller(const http::Request& request, std::string_view back) const {
    const core::Actor& actor = request.context().actor;
    if (!actor.signed_in()) return http::SignInRedirect(back);
    if (!CheckSeller(http_, actor)) return ForbiddenPage(request);
    return std::nullopt;
  }

  http::Response ForbiddenPage(const http::Request& request) const {
    return http_.renderer.ErrorPage(request, http::Status::forbidden,
                                    ImportErrorText(http_, request.context().locale, "not_a_seller"));
  }

  http::Response RenderForm(const http::Request& request, std::string message, http::Status status) const {
    html::Data data;
    data.set("title", Text(request, "catalog.csv.import_title"));
    if (!message.empty()) data.set("message", message);
    html::List columns;
    for (const std::string_view column : kListingCsvColumns) {
      html::Data item;
      item.set("name", std::string(column));
      item.set("help", Text(request, "catalog.csv.column_" + std::string(column)));
      columns.push_back(std::move(item));
    }
    data.set("columns", html::Data(std::move(columns)));
    return http_.renderer.Page(request, "catalog/listing_import", std::move(data), status);
  }

  // The uploaded file's name as the browser gave it, for the page only: valid UTF-8, no
  // folders, at most 100 characters.
  static std::string DisplayName(std::string_view file_name) {
    if (const auto slash = file_name.find_last_of("/\\"); slash != std::string_view::npos) {
      file_name.remove_prefix(slash + 1);
    }
    return text::Truncate(file_name, 100, "…");
  }

  std::string Text(const http::Request& request, std::string_view key) const {
    return std::string(http_.renderer.Translate(request.context().locale, key));
  }

  ListingImportHttp http_;
  ListingImportJobs jobs_;
};

}  // namespace

void AddListingImportPages(http::Router& router, const ListingImportHttp& http) {
  auto pages = std::make_shared<ListingImportPages>(http);
  router.Get(
      "/seller/products/import", [pages](http::Request& request) { return pages->ShowForm(request); }, kShopPage);
  router.Post(
      "/seller/products/import", [pages](http::Request& request) { return pages->Upload(request); }, kUploadBody);
  router.Get(
      "/seller/products/import/:job", [pages](http::Request& request) { return pages->ShowJob(request); }, kShopPage);
  router.Get(
      "/seller/products/export", [pages](http::Request& request) { return pages->Export(request); }, kShopPage);
}

}  // namespace manmulsang::catalog
