#pragma once
// A grid worker who sends field reports, for the 上报 section's tests: the
// center's administrator issues the worker's token for 海游街道 and the login
// doudi-intake connects as, and reports go in through dal::IntakeGateway as
// that login (as doudi-intake stores them), into 悬渚村.
#include <wx/image.h>
#include <wx/mstream.h>

#include <boost/test/unit_test.hpp>
#include <memory>
#include <string>
#include <vector>

#include "doudi/dal/intake_gateway.h"
#include "doudi/dal/intake_repository.h"
#include "doudi/dal/pg/pg_database.h"
#include "doudi/dal/registry_repository.h"
#include "gui_harness.h"

namespace doudi::test {

class IntakeReporter {
 public:
  static constexpr const char* kVillage = "331022001201";  // 悬渚村
  static constexpr const char* kName = "王网格员";          // the token's name

  explicit IntakeReporter(DeskDatabase& desk) {
    dal::pg::PgDatabase admin(desk.AddUser("intake_admin", "center_admin", "331022", "赵主任"));
    admin.Intake().IssueToken(kName, "331022001", "", m_secret);
    const std::string role = desk.Server().RoleName("intake");
    admin.Intake().AddServerLogin(role, kPassword);
    m_gateway = std::make_unique<dal::IntakeGateway>(desk.Server().ConnectionStringFor(role, kPassword), 1);
  }

  // A report on name (idNumber "" when not given), with a small PNG photo
  // when withPhoto.
  dal::IntakeReceipt Send(const std::string& name, const std::string& idNumber, const std::string& urgency,
                          bool withPhoto) {
    dal::IntakeSubmission s;
    s.requestId = dal::NewRequestId();
    s.name = name;
    s.idNumber = idNumber;
    s.phone = "138 0000 1234";
    s.village = kVillage;
    s.address = "悬渚村5组2号";
    s.category = "illness";
    s.description = "老伴住院，家里没有收入";
    s.urgency = urgency;
    s.consent = true;
    if (withPhoto) s.photos.push_back({"image/png", Photo(), 64, 48});
    return m_gateway->Submit(m_secret, s);
  }

  // The reports as their reporter sees them.
  std::vector<dal::IntakeReceipt> Mine() { return m_gateway->ReportsOf(m_secret); }

 private:
  static constexpr const char* kPassword = "Intake-password-1";

  static std::vector<unsigned char> Photo() {
    wxImage image(64, 48);
    for (int x = 0; x < 64; ++x) {
      for (int y = 0; y < 48; ++y) {
        image.SetRGB(x, y, static_cast<unsigned char>(x * 4), static_cast<unsigned char>(y * 5), 120);
      }
    }
    wxMemoryOutputStream out;
    BOOST_REQUIRE(image.SaveFile(out, wxBITMAP_TYPE_PNG));
    std::vector<unsigned char> bytes(out.GetSize());
    out.CopyTo(bytes.data(), bytes.size());
    return bytes;
  }

  std::string m_secret = dal::NewIntakeSecret();
  std::unique_ptr<dal::IntakeGateway> m_gateway;
};

}  // namespace doudi::test
