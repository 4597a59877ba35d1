#include "demo_illustration.hpp"

#include <array>
#include <utility>

namespace manmulsang::catalog {
namespace {

// Each drawing sits in the 240 × 240 picture above the label (y < 190), outlined in dark grey so
// that a white or cream product still stands out from the pale background. "{body}" is the
// product's colour, "{accent}" the category's, "{detail}" a dark or light shade for small parts
// (screens, soles, labels) that reads on both.
using Drawing = std::pair<std::string_view, std::string_view>;  // category slug, SVG elements

constexpr std::array kDrawings =
    std::to_array<Drawing>(
        {
            // Clothing: a shirt, a dress, a small shirt with a star, a long coat, overalls, a vest.
            {"clothing-men",
             R"(<path d="M84 44 108 34Q120 50 132 34L156 44 190 78 168 102 156 92V178H84V92L72 102 50 78Z" fill="{body}"/><path d="M108 34 120 60 132 34" fill="none"/><path d="M120 60V178" stroke-dasharray="2 14"/>)"},
            {"clothing-women",
             R"(<path d="M104 36H136L140 84 178 178H62L100 84Z" fill="{body}"/><path d="M100 84H140" stroke="{accent}" stroke-width="8"/><path d="M104 36 96 24M136 36 144 24" fill="none"/>)"},
            {"clothing-children",
             R"(<path d="M94 64 112 56Q120 68 128 56L146 64 172 88 156 104 146 96V168H94V96L84 104 68 88Z" fill="{body}"/><path d="M120 100 126 114 141 114 129 123 133 138 120 129 107 138 111 123 99 114 114 114Z" fill="{accent}"/>)"},
            {"clothing-winter",
             R"(<path d="M88 36 104 30 120 48 136 30 152 36 176 64 168 184H72L64 64Z" fill="{body}"/><path d="M120 48V184M104 30 120 70 136 30" fill="none"/><circle cx="128" cy="90" r="4" fill="{detail}"/><circle cx="128" cy="120" r="4" fill="{detail}"/><circle cx="128" cy="150" r="4" fill="{detail}"/>)"},
            {"clothing-work",
             R"(<path d="M88 40H102V70H138V40H152V98L160 184H126L120 124 114 184H80L88 98Z" fill="{body}"/><rect x="104" y="76" width="32" height="24" fill="{accent}"/>)"},
            {"clothing-underwear",
             R"(<path d="M92 36H104Q120 70 136 36H148V70Q168 90 164 176H76Q72 90 92 70Z" fill="{body}"/>)"},
            {"clothing",
             R"(<path d="M84 44 108 34Q120 50 132 34L156 44 190 78 168 102 156 92V178H84V92L72 102 50 78Z" fill="{body}"/>)"},
            // Cosmetics: a jar, a lipstick, a pump bottle, a bar of soap, a perfume bottle.
            {"cosmetics-skincare",
             R"(<rect x="72" y="58" width="96" height="26" rx="6" fill="{accent}"/><rect x="64" y="84" width="112" height="92" rx="16" fill="{body}"/><rect x="84" y="112" width="72" height="34" rx="4" fill="{detail}"/>)"},
            {"cosmetics-makeup",
             R"(<rect x="96" y="112" width="48" height="68" rx="4" fill="{body}"/><rect x="102" y="84" width="36" height="30" fill="{detail}"/><path d="M106 84V52L134 36V84Z" fill="{accent}"/>)"},
            {"cosmetics-hair",
             R"(<rect x="86" y="74" width="68" height="108" rx="14" fill="{body}"/><rect x="108" y="50" width="24" height="24" fill="{detail}"/><path d="M112 50V38H150V48" fill="none" stroke-width="6"/><rect x="98" y="104" width="44" height="40" rx="4" fill="{accent}"/>)"},
            {"cosmetics-soap",
             R"(<rect x="56" y="92" width="128" height="72" rx="28" fill="{body}"/><rect x="82" y="112" width="76" height="32" rx="14" fill="{accent}"/><circle cx="86" cy="70" r="10" fill="#fff"/><circle cx="112" cy="56" r="14" fill="#fff"/><circle cx="146" cy="72" r="8" fill="#fff"/>)"},
            {"cosmetics-perfume",
             R"(<rect x="108" y="40" width="24" height="22" fill="{detail}"/><path d="M76 70H164L172 170Q172 182 160 182H80Q68 182 68 170Z" fill="{body}"/><rect x="92" y="110" width="56" height="36" rx="4" fill="{accent}"/>)"},
            {"cosmetics",
             R"(<rect x="86" y="74" width="68" height="108" rx="14" fill="{body}"/><rect x="108" y="50" width="24" height="24" fill="{accent}"/>)"},
            // Computers: a laptop, a tower and its screen, a monitor, a chip, a keyboard and mouse, a tablet.
            {"computers-laptops",
             R"(<rect x="64" y="54" width="112" height="78" rx="6" fill="{body}"/><rect x="74" y="64" width="92" height="58" fill="{detail}"/><path d="M48 134H192L180 160H60Z" fill="{body}"/><path d="M104 148H136" fill="none"/>)"},
            {"computers-desktops",
             R"(<rect x="44" y="62" width="104" height="72" rx="4" fill="{body}"/><rect x="52" y="70" width="88" height="56" fill="{detail}"/><path d="M88 134V156H72M104 134V156H120" fill="none"/><rect x="158" y="60" width="42" height="112" rx="4" fill="{body}"/><circle cx="179" cy="80" r="5" fill="{accent}"/>)"},
            {"computers-monitors",
             R"(<rect x="44" y="44" width="152" height="100" rx="6" fill="{body}"/><rect x="54" y="54" width="132" height="80" fill="{detail}"/><path d="M112 144H128L134 170H106Z" fill="{body}"/><rect x="82" y="170" width="76" height="10" rx="3" fill="{body}"/>)"},
            {"computers-parts",
             R"(<path d="M88 50V36M104 50V36M120 50V36M136 50V36M152 50V36M88 184V170M104 184V170M120 184V170M136 184V170M152 184V170M54 78H40M54 94H40M54 110H40M54 126H40M54 142H40M186 78H200M186 94H200M186 110H200M186 126H200M186 142H200" fill="none"/><rect x="54" y="50" width="132" height="120" rx="6" fill="{body}"/><rect x="88" y="82" width="64" height="56" fill="{accent}"/>)"},
            {"computers-peripherals",
             R"(<rect x="30" y="110" width="130" height="54" rx="6" fill="{body}"/><path d="M42 124H148M42 138H148M60 152H130" stroke="{detail}" stroke-dasharray="8 4" stroke-width="6"/><rect x="170" y="104" width="40" height="62" rx="20" fill="{body}"/><path d="M190 104V126M180 82Q190 60 170 50" fill="none"/>)"},
            {"computers-tablets",
             R"(<rect x="66" y="36" width="108" height="146" rx="12" fill="{body}"/><rect x="76" y="48" width="88" height="114" fill="{detail}"/><circle cx="120" cy="172" r="4" fill="{accent}"/>)"},
            {"computers",
             R"(<rect x="44" y="44" width="152" height="100" rx="6" fill="{body}"/><rect x="54" y="54" width="132" height="80" fill="{detail}"/>)"},
            // Solar power: a panel on its stand, an inverter, a battery, a charge controller, a lamp post.
            {"solar-panels",
             R"(<path d="M120 148V184M96 184H144" fill="none" stroke-width="6"/><path d="M40 146 70 46H200L170 146Z" fill="{detail}"/><path d="M80 46 56 146M110 46 88 146M140 46 120 146M170 46 152 146M52 80H190M46 112H180" fill="none" stroke="{body}" stroke-width="3"/>)"},
            {"solar-inverters",
             R"(<rect x="66" y="36" width="108" height="146" rx="8" fill="{body}"/><rect x="84" y="54" width="72" height="34" fill="{detail}"/><circle cx="96" cy="110" r="6" fill="{accent}"/><path d="M84 136H156M84 150H156M84 164H156" fill="none"/>)"},
            {"solar-batteries",
             R"(<rect x="80" y="48" width="22" height="16" fill="{detail}"/><rect x="138" y="48" width="22" height="16" fill="{detail}"/><rect x="52" y="64" width="136" height="116" rx="6" fill="{body}"/><path d="M82 100H100M91 91V109M140 100H158" fill="none" stroke="{accent}" stroke-width="6"/>)"},
            {"solar-controllers",
             R"(<rect x="54" y="62" width="132" height="100" rx="10" fill="{body}"/><rect x="72" y="80" width="60" height="30" fill="{detail}"/><circle cx="154" cy="90" r="7" fill="{accent}"/><circle cx="154" cy="112" r="7" fill="#2e7d32"/><path d="M74 140H94M108 140H128M142 140H162" fill="none" stroke-width="8"/>)"},
            {"solar-lights", R"(<path d="M120 70V184M98 184H142" fill="none" stroke-width="8"/><path d="M84 54H156L146 78H94Z" fill="{body}"/><path d="M98 80H142L132 94H108Z" fill="#ffd54f"/><path d="M96 30H168L156 48H84Z" fill="{detail}"/>)"},
            {"solar",
             R"(<path d="M40 146 70 46H200L170 146Z" fill="{detail}"/><path d="M52 80H190M46 112H180" fill="none" stroke="{body}"/>)"},
            // Food: a sack of grain, a bottle, a bag of sweets, a jar of paste, a box of ginseng, a can.
            {"food-grain",
             R"(<path d="M82 44Q120 58 158 44L152 66Q190 120 166 180H74Q50 120 88 66Z" fill="{body}"/><path d="M88 66Q120 74 152 66" fill="none"/><rect x="92" y="110" width="56" height="40" rx="4" fill="{accent}"/>)"},
            {"food-drinks",
             R"(<rect x="108" y="28" width="24" height="20" fill="{detail}"/><path d="M110 48H130V70Q150 84 150 104V178Q150 184 144 184H96Q90 184 90 178V104Q90 84 110 70Z" fill="{body}"/><rect x="90" y="116" width="60" height="36" fill="{accent}"/>)"},
            {"food-snacks",
             R"(<path d="M62 54H178L170 70Q184 116 170 162L178 180H62L70 162Q56 116 70 70Z" fill="{body}"/><circle cx="120" cy="116" r="26" fill="{accent}"/><path d="M62 54 70 62 78 54 86 62 94 54 102 62 110 54 118 62 126 54 134 62 142 54 150 62 158 54 166 62 178 54" fill="none"/>)"},
            {"food-seasoning",
             R"(<ellipse cx="120" cy="52" rx="40" ry="10" fill="{detail}"/><path d="M80 56Q52 110 80 176H160Q188 110 160 56Z" fill="{body}"/><path d="M72 100H168" stroke="{accent}" stroke-width="6"/>)"},
            {"food-health",
             R"(<rect x="56" y="70" width="128" height="100" rx="4" fill="{body}"/><path d="M56 70 76 50H204L184 70ZM184 70 204 50V150L184 170Z" fill="{accent}"/><path d="M120 150Q96 120 120 90Q144 120 120 150ZM120 150V166" fill="#2e7d32"/>)"},
            {"food-canned",
             R"(<path d="M72 64V166A48 14 0 0 0 168 166V64Z" fill="{body}"/><ellipse cx="120" cy="64" rx="48" ry="14" fill="{detail}"/><rect x="72" y="96" width="96" height="44" fill="{accent}"/>)"},
            {"food", R"(<path d="M82 44Q120 58 158 44L152 66Q190 120 166 180H74Q50 120 88 66Z" fill="{body}"/>)"},
            // Shoes: a dress shoe, a heeled shoe, a trainer, a boot.
            {"shoes-men",
             R"(<path d="M40 124Q44 100 70 104L120 112Q150 112 176 124Q204 134 200 156H40Z" fill="{body}"/><path d="M40 156H200V166H40Z" fill="{detail}"/>)"},
            {"shoes-women",
             R"(<path d="M48 96Q60 92 70 108L140 150H190Q200 150 198 160V166H130L80 128 74 180H64L60 120Z" fill="{body}"/>)"},
            {"shoes-sports",
             R"(<path d="M40 128Q40 92 70 96L104 110 150 114Q196 118 200 150H40Z" fill="{body}"/><path d="M40 150H200V166H40Z" fill="{detail}"/><path d="M110 120 130 146M130 118 150 146" fill="none" stroke="{accent}" stroke-width="6"/>)"},
            {"shoes-boots",
             R"(<path d="M80 36H132V126L184 142Q200 148 198 166H80Z" fill="{body}"/><path d="M80 166H198V180H80Z" fill="{detail}"/><path d="M80 60H132" stroke="{accent}" stroke-width="8"/>)"},
            {"shoes", R"(<path d="M40 128Q40 92 70 96L104 110 150 114Q196 118 200 150H40Z" fill="{body}"/>)"},
            // Bags: a backpack, a handbag, a suitcase, a school bag.
            {"bags-backpacks",
             R"(<path d="M100 48Q100 30 120 30Q140 30 140 48" fill="none" stroke-width="6"/><rect x="70" y="48" width="100" height="134" rx="26" fill="{body}"/><rect x="86" y="120" width="68" height="46" rx="8" fill="{accent}"/>)"},
            {"bags-handbags",
             R"(<path d="M92 92Q92 50 120 50Q148 50 148 92" fill="none" stroke-width="8"/><path d="M56 92H184L170 176H70Z" fill="{body}"/><rect x="112" y="108" width="16" height="12" fill="{accent}"/>)"},
            {"bags-travel",
             R"(<path d="M100 60V40H140V60" fill="none" stroke-width="8"/><rect x="70" y="60" width="100" height="116" rx="10" fill="{body}"/><path d="M96 76V160M144 76V160" fill="none" stroke="{accent}" stroke-width="6"/><circle cx="86" cy="182" r="6" fill="{detail}"/><circle cx="154" cy="182" r="6" fill="{detail}"/>)"},
            {"bags-school", R"(<rect x="66" y="52" width="108" height="128" rx="14" fill="{body}"/><path d="M66 96Q120 120 174 96V52H66Z" fill="{accent}"/><rect x="112" y="100" width="16" height="16" fill="{detail}"/>)"},
            {"bags", R"(<path d="M56 92H184L170 176H70Z" fill="{body}"/>)"},
            // Appliances: a rice cooker, a refrigerator, a washing machine, a television, a fan.
            {"appliances-kitchen",
             R"(<path d="M60 86Q60 56 120 56Q180 56 180 86Z" fill="{body}"/><rect x="56" y="86" width="128" height="86" rx="20" fill="{body}"/><rect x="100" y="112" width="40" height="22" rx="4" fill="{detail}"/><circle cx="120" cy="52" r="6" fill="{accent}"/>)"},
            {"appliances-fridges",
             R"(<rect x="72" y="26" width="96" height="158" rx="8" fill="{body}"/><path d="M72 82H168" fill="none"/><path d="M152 44V66M152 96V130" fill="none" stroke="{detail}" stroke-width="6"/>)"},
            {"appliances-washers",
             R"(<rect x="56" y="40" width="128" height="142" rx="8" fill="{body}"/><path d="M56 70H184" fill="none"/><circle cx="120" cy="124" r="38" fill="{detail}"/><circle cx="120" cy="124" r="26" fill="{accent}" fill-opacity=".6"/><circle cx="160" cy="55" r="6" fill="{accent}"/>)"},
            {"appliances-tv",
             R"(<rect x="36" y="44" width="168" height="106" rx="6" fill="{body}"/><rect x="46" y="54" width="148" height="86" fill="{detail}"/><path d="M70 150 60 178M170 150 180 178" fill="none" stroke-width="6"/>)"},
            {"appliances-heating",
             R"(<path d="M120 112V170M88 180H152" fill="none" stroke-width="8"/><circle cx="120" cy="82" r="58" fill="{body}"/><path d="M120 82Q100 40 120 32Q140 40 120 82Q160 70 166 90Q158 110 120 82Q100 124 84 120Q76 100 120 82Z" fill="{accent}"/><circle cx="120" cy="82" r="8" fill="{detail}"/>)"},
            {"appliances",
             R"(<rect x="72" y="26" width="96" height="158" rx="8" fill="{body}"/><path d="M72 82H168" fill="none"/>)"},
            // Household: a pot, a bucket and brush, a pillow on a blanket, a chair.
            {"household-kitchen",
             R"(<path d="M60 92H180V160Q180 176 164 176H76Q60 176 60 160Z" fill="{body}"/><path d="M60 100H36M180 100H204" fill="none" stroke-width="8"/><path d="M52 92H188" stroke="{accent}" stroke-width="8"/><rect x="110" y="70" width="20" height="14" rx="4" fill="{detail}"/>)"},
            {"household-cleaning",
             R"(<path d="M64 96H144L134 180H74Z" fill="{body}"/><path d="M64 96Q104 60 144 96" fill="none"/><path d="M168 30V130" fill="none" stroke-width="6"/><path d="M150 130H186L192 180H144Z" fill="{accent}"/>)"},
            {"household-bedding",
             R"(<rect x="36" y="104" width="168" height="72" rx="10" fill="{accent}"/><rect x="56" y="56" width="128" height="58" rx="24" fill="{body}"/><path d="M36 140H204" fill="none" stroke-dasharray="6 8"/>)"},
            {"household-furniture",
             R"(<rect x="78" y="30" width="84" height="80" rx="6" fill="{body}"/><rect x="66" y="110" width="108" height="20" rx="4" fill="{body}"/><path d="M78 130V184M162 130V184" fill="none" stroke-width="8"/><path d="M90 50H150M90 70H150M90 90H150" fill="none" stroke="{accent}" stroke-width="5"/>)"},
            {"household", R"(<path d="M60 92H180V160Q180 176 164 176H76Q60 176 60 160Z" fill="{body}"/>)"},
            // Building materials: a sack of cement, tiles, a hammer and spanner, a plug, pipes.
            {"building-cement",
             R"(<path d="M56 70H184L176 182H64Z" fill="{body}"/><path d="M56 70Q120 50 184 70" fill="{detail}"/><rect x="84" y="104" width="72" height="44" fill="{accent}"/>)"},
            {"building-tiles", R"(<path d="M36 108 120 64 204 108 120 152Z" fill="{body}"/><path d="M64 94 148 138M92 80 176 124M64 122 148 78M92 136 176 92" fill="none"/><path d="M36 108V124L120 168 204 124V108" fill="{detail}"/>)"},
            {"building-tools",
             R"(<path d="M100 40 160 100" stroke="{detail}" stroke-width="14"/><path d="M66 58 98 26 134 62 102 94Z" fill="{body}"/><path d="M150 90 190 176" stroke="{accent}" stroke-width="14" stroke-linecap="round"/>)"},
            {"building-electric",
             R"(<rect x="84" y="60" width="72" height="72" rx="12" fill="{body}"/><path d="M104 60V30M136 60V30" fill="none" stroke-width="8"/><path d="M120 132Q120 170 160 170H200" fill="none" stroke="{accent}" stroke-width="10"/>)"},
            {"building-plumbing",
             R"(<path d="M40 80H120Q160 80 160 120V184" fill="none" stroke="{body}" stroke-width="34"/><path d="M40 80H120Q160 80 160 120V184" fill="none" stroke="{accent}" stroke-width="4" stroke-dasharray="12 10"/>)"},
            {"building", R"(<path d="M56 70H184L176 182H64Z" fill="{body}"/>)"},
            // Books: a book, a tall dictionary, a picture book, a stack of textbooks, a science book.
            {"books-dictionaries",
             R"(<rect x="80" y="28" width="84" height="156" rx="4" fill="{body}"/><rect x="66" y="28" width="18" height="156" fill="{accent}"/><rect x="98" y="56" width="50" height="22" fill="{detail}"/>)"},
            {"books-children",
             R"(<rect x="56" y="52" width="128" height="118" rx="6" fill="{body}"/><circle cx="120" cy="104" r="26" fill="#ffd54f"/><path d="M56 150Q90 120 120 150T184 150V170H56Z" fill="{accent}"/>)"},
            {"books-textbooks",
             R"(<rect x="50" y="138" width="140" height="36" rx="4" fill="{body}"/><rect x="60" y="102" width="124" height="36" rx="4" fill="{accent}"/><rect x="54" y="66" width="132" height="36" rx="4" fill="{body}"/><path d="M66 84H120M74 120H130M62 156H116" fill="none" stroke="{detail}" stroke-width="5"/>)"},
            {"books-science",
             R"(<rect x="64" y="36" width="112" height="148" rx="4" fill="{body}"/><ellipse cx="120" cy="108" rx="36" ry="14" fill="none" stroke="{accent}" stroke-width="5"/><ellipse cx="120" cy="108" rx="14" ry="36" fill="none" stroke="{accent}" stroke-width="5"/><circle cx="120" cy="108" r="6" fill="{detail}"/>)"},
            {"books",
             R"(<rect x="64" y="36" width="112" height="148" rx="4" fill="{body}"/><rect x="64" y="36" width="14" height="148" fill="{accent}"/><path d="M96 70H156M96 86H146" fill="none" stroke="{detail}" stroke-width="5"/>)"},
            // Medicine: a jar of herbs, a blister of pills, a bottle of vitamins, a first-aid box.
            {"medicine-koryo",
             R"(<rect x="80" y="42" width="80" height="22" rx="4" fill="{accent}"/><path d="M72 64H168L160 180H80Z" fill="{body}"/><path d="M120 160Q98 128 120 92Q142 128 120 160ZM120 160V172" fill="#2e7d32"/>)"},
            {"medicine-cold",
             R"(<rect x="48" y="62" width="144" height="100" rx="10" fill="{body}"/><g fill="{accent}"><rect x="66" y="80" width="28" height="16" rx="8"/><rect x="106" y="80" width="28" height="16" rx="8"/><rect x="146" y="80" width="28" height="16" rx="8"/><rect x="66" y="126" width="28" height="16" rx="8"/><rect x="106" y="126" width="28" height="16" rx="8"/><rect x="146" y="126" width="28" height="16" rx="8"/></g>)"},
            {"medicine-vitamins",
             R"(<rect x="90" y="30" width="60" height="28" rx="4" fill="{accent}"/><rect x="76" y="58" width="88" height="124" rx="14" fill="{body}"/><rect x="88" y="96" width="64" height="48" rx="4" fill="{detail}"/>)"},
            {"medicine-firstaid",
             R"(<path d="M100 64V50H140V64" fill="none" stroke-width="8"/><rect x="48" y="64" width="144" height="112" rx="10" fill="{body}"/><path d="M108 92H132V108H148V132H132V148H108V132H92V108H108Z" fill="{accent}"/>)"},
            {"medicine",
             R"(<rect x="48" y="64" width="144" height="112" rx="10" fill="{body}"/><path d="M108 92H132V108H148V132H132V148H108V132H92V108H108Z" fill="{accent}"/>)"},
        });

// Anything else (a category an admin added later): a parcel.
constexpr std::string_view kParcel =
    R"(<path d="M48 76 120 44 192 76V156L120 188 48 156Z" fill="{body}"/><path d="M48 76 120 108 192 76M120 108V188" fill="none"/><path d="M84 60 156 92V118" fill="none" stroke="{accent}" stroke-width="10"/>)";

}  // namespace

std::string_view DemoIllustration(std::string_view category_slug) {
  // The category's own drawing, else its top category's ("computers-laptops" → "computers").
  for (std::string_view slug = category_slug; !slug.empty();) {
    for (const auto& [name, drawing] : kDrawings) {
      if (name == slug) return drawing;
    }
    const std::size_t dash = slug.rfind('-');
    slug = dash == std::string_view::npos ? std::string_view{} : slug.substr(0, dash);
  }
  return kParcel;
}

}  // namespace manmulsang::catalog
