// /admin/exchange-rates: the rates in force, a form to set one (won per dollar or yuan, up to
// four decimals) and every change made, newest first. JSON twin: GET /api/v1/admin/exchange-rates
// (setting stays POST /api/v1/admin/exchange-rates, in the buying API).

#include <boost/json/array.hpp>
#include <memory>

#include "manmulsang/core/local_time.hpp"
#include "money_http.hpp"

namespace manmulsang::payments {
namespace {

constexpr std::array<core::Currency, 2> kForeign = {core::Currency::usd, core::Currency::cny};

class ExchangeRateRoutes {
 public:
  explicit ExchangeRateRoutes(const MoneyHttp& http) : http_(http) {}

  http::Response Show(http::Request& request) const { return Render(request, {}, http::Status::ok, {}); }

  http::Response Set(http::Request& request) const {
    const http::Form& form = request.form();
    auto currency = core::ParseCurrency(form.GetOr("currency"));
    if (!currency || *currency == core::Currency::kpw) {
      return Render(request, {http::Status::bad_request, "invalid_currency", "currency"}, http::Status::bad_request,
                    form);
    }
    auto rate = ParseRate(form.GetOr("rate"));
    if (!rate) return Render(request, ProblemOf(PaymentError::invalid_rate), http::Status::bad_request, form);
    auto set = http_.services.payments.SetExchangeRate(*currency, *rate, *request.context().actor.user);
    if (!set) {
      const http::ApiProblem problem = ProblemOf(set.error());
      return Render(request, problem, problem.status, form);
    }
    return http::Response::Redirect("/admin/exchange-rates?set=" + std::string(core::CurrencyCode(*currency)));
  }

  http::Response Api(http::Request&) const {
    const ExchangeRates rates = http_.services.payments.CurrentRates();
    boost::json::array items;
    for (core::Currency currency : kForeign) {
      if (auto rate = rates.Rate(currency)) {
        items.push_back(
            boost::json::object{{"currency", core::CurrencyCode(currency)}, {"rate", *rate}, {"scale", kRateScale}});
      }
    }
    boost::json::array history;
    for (const RateChange& change : http_.services.payments.RateHistory()) {
      history.push_back(boost::json::object{
          {"currency", change.currency},
          {"rate", change.rate},
          {"previous_rate", change.previous_rate ? boost::json::value(*change.previous_rate) : nullptr},
          {"admin_id", change.admin.value},
          {"changed_at", core::FormatIso8601(change.changed_at)}});
    }
    return http::Response::Json(
        boost::json::object{{"items", std::move(items)}, {"scale", kRateScale}, {"history", std::move(history)}});
  }

 private:
  http::Response Render(const http::Request& request, const http::ApiProblem& problem, http::Status status,
                        const http::Form& typed) const {
    html::Data data;
    data.set("title", http_.Text(request, "payments.rates_title"));
    if (!problem.code.empty()) data.set("message", http_.ErrorText(request, problem.code));
    if (auto set = request.Query("set"); set && (*set == "USD" || *set == "CNY")) {
      data.set("notice", http_.Text(request, "payments.rate_set_notice") + " " + std::string(*set));
    }
    const ExchangeRates rates = http_.services.payments.CurrentRates();
    html::List current;
    for (core::Currency currency : kForeign) {
      html::Data row;
      row.set("currency", std::string(core::CurrencyCode(currency)));
      row.set("selected", html::Data(typed.GetOr("currency") == core::CurrencyCode(currency)));
      if (auto rate = rates.Rate(currency)) {
        row.set("rate", FormatRate(*rate));
      } else {
        row.set("rate", http_.Text(request, "payments.rate_unset"));
      }
      current.push_back(row);
    }
    data.set("currencies", current);
    data.set("typed_rate", std::string(typed.GetOr("rate")));
    const std::vector<RateChange> changes = http_.services.payments.RateHistory();
    std::vector<core::UserId> admins;
    for (const RateChange& change : changes) admins.push_back(change.admin);
    const MemberNames names(http_.services.accounts, admins);
    html::List history;
    for (const RateChange& change : changes) {
      html::Data row;
      row.set("currency", change.currency);
      row.set("rate", FormatRate(change.rate));
      row.set("previous", change.previous_rate ? FormatRate(*change.previous_rate) : std::string("-"));
      row.set("admin", names(change.admin));
      row.set("at", core::LocalDateTime(change.changed_at));
      history.push_back(row);
    }
    data.set("history", history);
    data.set("empty", html::Data(history.empty()));
    return http_.renderer.Page(request, "payments/admin_exchange_rates", std::move(data), status);
  }

  MoneyHttp http_;
};

}  // namespace

void AddExchangeRateRoutes(http::Router& router, const MoneyHttp& http) {
  auto routes = std::make_shared<const ExchangeRateRoutes>(http);
  router.Get(
      "/admin/exchange-rates", [routes](http::Request& request) { return routes->Show(request); }, kAdminPage);
  router.Post(
      "/admin/exchange-rates", [routes](http::Request& request) { return routes->Set(request); }, kAdminForm);
  router.Get(
      "/api/v1/admin/exchange-rates", [routes](http::Request& request) { return routes->Api(request); }, kAdminPage);
}

}  // namespace manmulsang::payments
