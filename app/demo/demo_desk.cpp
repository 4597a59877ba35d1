#include "demo/demo_desk.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "demo/demo_random.hpp"

namespace manmulsang::demo {
namespace {

constexpr int kShopPayouts = 5;
constexpr int kMemberPayouts = 2;
constexpr int kReportsOfEachKind = 3;

constexpr std::string_view kBanks[] = {"조선무역은행", "조선중앙은행", "고려은행", "화려은행"};

struct ReportText {
  catalog::ReportReason reason;
  std::string_view details;
};
constexpr ReportText kListingReports[] = {
    {catalog::ReportReason::false_claim, "사진과 다른 물건이 왔다는 평이 많습니다."},
    {catalog::ReportReason::suspected_fraud, "입금만 받고 연락이 없다고 합니다."},
    {catalog::ReportReason::prohibited_item, "판매가 금지된 약품 같습니다."},
};
constexpr std::string_view kReviewReports[] = {"상품과 관계없는 광고 글입니다.", "욕설이 들어 있습니다.",
                                               "같은 글을 여러 번 올렸습니다."};
constexpr std::string_view kQuestionReports[] = {"다른 상점 광고입니다.", "개인 전화번호를 올렸습니다.",
                                                 "질문이 아니라 도배입니다."};

core::Actor Member(core::UserId user) { return {user, core::Role::buyer, "회원 " + std::to_string(user.value)}; }

class DemoDesk {
 public:
  DemoDesk(app::MarketplaceServices& services, core::UserId admin, const DemoSummary& marketplace,
           const DemoOptions& options)
      : services_(services),
        admin_(admin),
        marketplace_(marketplace),
        random_(options.seed * 0x9e3779b97f4a7c15ULL + 0x6465736bULL) {}

  DemoDeskSummary Run() {
    RequestShopPayouts();
    RequestMemberPayouts();
    ReportListings();
    ReportReviewsAndQuestions();
    return summary_;
  }

 private:
  // Half the balance in whole thousands of won: what a shop takes out and what it leaves.
  static std::int64_t HalfInThousands(std::int64_t balance) { return balance / 2 / 1000 * 1000; }

  void RequestShopPayouts() {
    const core::Actor admin{admin_, core::Role::admin, "관리자"};
    auto shops = services_.applications.List(admin, sellers::ShopStatus::approved, 1, 100);
    if (!shops) return;
    int requested = 0;
    for (const sellers::Shop& shop : shops->items) {
      if (requested == kShopPayouts) break;
      const auto owner = payments::PayoutOwner::Shop(shop.id);
      const std::int64_t amount = HalfInThousands(services_.payments.PayoutBalance(owner));
      if (amount < payments::kMinPayout) continue;
      payments::PayoutRequest request{amount, payments::PayoutMethod::bank,
                                      std::string(random_.Pick(std::span<const std::string_view>(kBanks))),
                                      "110-" + std::to_string(random_.Between(100'000, 999'999)) + "-01", shop.name};
      auto payout = services_.payments.RequestPayout(owner, shop.owner, request);
      if (!payout) continue;
      ++requested;
      // The first was paid at the counter already, the second is approved and waits for the bank.
      if (requested == 1 && services_.payments.ApprovePayout(admin_, payout->id) &&
          services_.payments.MarkPayoutPaid(admin_, payout->id)) {
        ++summary_.payouts_paid;
      } else if (requested == 2 && services_.payments.ApprovePayout(admin_, payout->id)) {
        ++summary_.payouts_approved;
      } else {
        ++summary_.payouts_requested;
      }
    }
  }

  void RequestMemberPayouts() {
    int requested = 0;
    for (core::UserId buyer : marketplace_.buyers) {
      if (requested == kMemberPayouts) break;
      const auto owner = payments::PayoutOwner::Member(buyer);
      const std::int64_t amount = HalfInThousands(services_.payments.PayoutBalance(owner));
      if (amount < payments::kMinPayout) continue;
      payments::PayoutRequest request{amount, payments::PayoutMethod::cash, "", "", ""};
      if (services_.payments.RequestPayout(owner, buyer, request)) {
        ++requested;
        ++summary_.payouts_requested;
      }
    }
  }

  // The reporters: members in turn (a report may be refused, e.g. of one's own review; the next tries).
  core::Actor NextReporter() {
    const core::UserId user = marketplace_.buyers[next_reporter_ % marketplace_.buyers.size()];
    ++next_reporter_;
    return Member(user);
  }

  void ReportListings() {
    if (marketplace_.buyers.empty()) return;
    for (core::ProductId product : marketplace_.product_sample) {
      if (summary_.listing_reports == kReportsOfEachKind) break;
      if (random_.Below(8) != 0) continue;  // a few listings, spread over the catalogue
      const ReportText& text = kListingReports[summary_.listing_reports];
      const catalog::ListingReportInput input{std::string(catalog::ReportReasonName(text.reason)),
                                              std::string(text.details)};
      for (int attempt = 0; attempt < 3; ++attempt) {
        if (services_.catalog.ReportListing(NextReporter(), product, input)) {
          ++summary_.listing_reports;
          break;
        }
      }
    }
  }

  void ReportReviewsAndQuestions() {
    if (marketplace_.buyers.empty()) return;
    for (core::ProductId product : marketplace_.product_sample) {
      if (summary_.review_reports == kReportsOfEachKind && summary_.question_reports == kReportsOfEachKind) break;
      if (summary_.review_reports < kReportsOfEachKind) {
        auto reviews = services_.reviews.ForProduct(product, reviews::ReviewSort::newest, 1, 1);
        if (reviews && !reviews->items.empty()) {
          const reviews::Review& review = reviews->items.front();
          for (int attempt = 0; attempt < 3; ++attempt) {
            const core::Actor reporter = NextReporter();
            if (reporter.user == review.author) continue;
            if (services_.reviews.Report(reporter, review.id, kReviewReports[summary_.review_reports])) {
              ++summary_.review_reports;
              break;
            }
          }
        }
      }
      if (summary_.question_reports < kReportsOfEachKind) {
        const core::Actor viewer = NextReporter();
        auto questions = services_.questions.ForProduct(viewer, product, 1, 1);
        if (questions && !questions->items.empty() && !questions->items.front().is_private &&
            questions->items.front().asker != viewer.user &&
            services_.questions.Report(viewer, questions->items.front().id,
                                       kQuestionReports[summary_.question_reports])) {
          ++summary_.question_reports;
        }
      }
    }
  }

  app::MarketplaceServices& services_;
  core::UserId admin_;
  const DemoSummary& marketplace_;
  Random random_;
  std::size_t next_reporter_ = 0;
  DemoDeskSummary summary_;
};

}  // namespace

DemoDeskSummary GenerateDemoDesk(app::MarketplaceServices& services, core::UserId admin, const DemoSummary& marketplace,
                                 const DemoOptions& options) {
  return DemoDesk(services, admin, marketplace, options).Run();
}

}  // namespace manmulsang::demo
