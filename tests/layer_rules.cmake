# Fails when a layer includes what ARCHITECTURE.md forbids it:
# model/ includes no wx, SOCI, Poco or libpq; dal/include/ no SOCI or libpq.
function(check_dir dir pattern what)
  file(GLOB_RECURSE files ${SOURCE_DIR}/${dir}/*.h ${SOURCE_DIR}/${dir}/*.cpp)
  foreach(f IN LISTS files)
    file(STRINGS ${f} hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](${pattern})")
    if(hits)
      message(SEND_ERROR "${f}: ${what} may not include: ${hits}")
    endif()
  endforeach()
  list(LENGTH files n)
  if(n EQUAL 0)
    message(FATAL_ERROR "layer_rules: no sources found under ${dir}")
  endif()
endfunction()
check_dir(model "wx/|soci/|Poco/|libpq|postgresql/|boost/" "the model layer")
check_dir(dal/include "soci/|libpq|postgresql/|Poco/|wx/" "dal's public headers")
check_dir(dal "wx/" "the data layer")
check_dir(admin "wx/" "doudi-admin")
# The GUI talks to the data layer's interfaces, never to SQL or its drivers.
check_dir(gui "soci/|libpq|postgresql/" "the GUI")
# What the workstation decides without a window: no toolkit, no SQL driver.
check_dir(workstation "wx/|soci/|libpq|postgresql/|doudi/dal/pg/" "the workstation library")
# Documents are built on the model only; the workstation and doudi-admin call them.
check_dir(reports "wx/|soci/|Poco/|libpq|postgresql/" "the reports layer")
# The document assembly reads the data layer through its interfaces only:
# the caller hands in its repositories (no PostgreSQL layer, no driver, no wx).
check_dir(reports/assembly "wx/|soci/|Poco/|libpq|postgresql/|doudi/dal/pg/" "the document assembly")
# The catalog reader is standard C++ only, so every program can use it.
check_dir(catalog "wx/|soci/|Poco/|libpq|postgresql/|boost/" "the catalog reader")
