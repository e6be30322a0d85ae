// A household's story as its page shows it (workstation/household_story.h):
// what each row opens, late referrals, amounts in yuan, the kinds filter.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "doudi/workstation/household_story.h"

using doudi::dal::TimelineEntry;
using doudi::workstation::StoryOpens;
using doudi::workstation::StoryRows;

namespace {

std::string Words(std::string_view kind, std::string_view code) {
  return std::string(kind) + (code.empty() ? "" : "/" + std::string(code));
}

TimelineEntry Entry(const std::string& date, const std::string& kind, std::int64_t id, const std::string& state,
                    const std::string& due = "") {
  TimelineEntry e;
  e.date = date;
  e.kind = kind;
  e.itemId = id;
  e.what = kind + " " + std::to_string(id);
  e.state = state;
  e.dueOn = due;
  return e;
}

const std::vector<TimelineEntry> kStory{
    Entry("2026-11-20", "case", 7, "applied"),
    Entry("2026-11-10", "referral", 3, "sent", "2026-11-24"),    // due, not yet late
    Entry("2026-11-01", "referral", 2, "accepted", "2026-11-15"),  // late
    Entry("2026-10-20", "referral", 1, "done", "2026-10-25"),     // done: never late
    Entry("2026-10-15", "help", 9, "medical_aid"),
    Entry("2026-10-01", "alert", 5, "closed"),
    Entry("2026-09-01", "visit", 4, "township"),
    Entry("2026-08-01", "case", 6, "terminated"),
};

}  // namespace

BOOST_AUTO_TEST_SUITE(household_story)

BOOST_AUTO_TEST_CASE(cases_and_alerts_open_in_one_click_and_late_referrals_are_marked) {
  std::vector<TimelineEntry> story = kStory;
  story[4].amount = doudi::model::Money::FromFen(250000);
  const auto rows = StoryRows(story, "2026-11-20", Words);
  BOOST_TEST_REQUIRE(rows.size() == story.size());
  BOOST_TEST((rows[0].opens == StoryOpens::Case));
  BOOST_TEST(rows[0].id == 7);
  BOOST_TEST(rows[0].kind == "case");
  BOOST_TEST(rows[0].state == "case/applied");
  BOOST_TEST((rows[7].opens == StoryOpens::Case));  // a terminated case opens too
  BOOST_TEST(rows[7].id == 6);
  BOOST_TEST((rows[5].opens == StoryOpens::Alert));
  BOOST_TEST(rows[5].id == 5);
  BOOST_TEST((rows[1].opens == StoryOpens::Nothing));
  BOOST_TEST(rows[1].id == 0);
  BOOST_TEST(!rows[1].late);
  BOOST_TEST(rows[2].late);
  BOOST_TEST(!rows[3].late);
  BOOST_TEST(rows[4].state == "help/medical_aid");
  BOOST_TEST(rows[4].amount == "2,500.00");
  BOOST_TEST(rows[5].amount.empty());
  BOOST_TEST(rows[2].due == "2026-11-15");
}

BOOST_AUTO_TEST_CASE(the_filter_keeps_the_kinds_chosen_in_order) {
  const auto rows = StoryRows(kStory, "2026-11-20", Words, {"case", "visit"});
  BOOST_TEST_REQUIRE(rows.size() == 3U);
  BOOST_TEST(rows[0].id == 7);
  BOOST_TEST(rows[1].kind == "visit");
  BOOST_TEST(rows[2].id == 6);
  BOOST_TEST(StoryRows({}, "2026-11-20", Words).empty());
}

BOOST_AUTO_TEST_SUITE_END()
