# Packaging for Windows: CPack's WIX generator builds an MSI with the WiX
# toolset 3 on a Windows host (`cpack -G WIX` in the build directory).
# The top-level CMakeLists.txt includes it for Windows builds only. The
# install() rules are deferred to the end of the top-level directory, so
# they name the doudi and doudi-admin targets wherever the include stands.
#
# The MSI matches installer/doudi.wxs (which scripts/windows-msi builds with
# wixl on Debian, and candle/light can build on Windows; docs/windows.md,
# "The MSI"): the same UpgradeCode, per-machine files in
# [ProgramFiles64Folder]Doudi\, a Start-menu shortcut directly in the Programs
# folder, and the same %PROGRAMDATA%\Doudi\doudi.ini component
# (installer/config.wxs, Permanent + NeverOverwrite, added through
# CPACK_WIX_EXTRA_SOURCES and installer/cpack-patch.xml). CPack's own template
# names the product in ASCII (CPACK_PACKAGE_NAME, also the file name) and
# writes its own English downgrade message; the shortcut carries the Chinese
# name, and CPACK_WIX_CULTURES gives the installer's dialogs in Chinese.
# Nothing is installed under %APPDATA%: users' drafts are never touched.

set(CPACK_PACKAGE_NAME "Doudi")
set(CPACK_PACKAGE_VENDOR "Doudi Project")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Doudi - case workstation of the joint social-assistance center")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Doudi")
set(CPACK_PACKAGE_FILE_NAME "doudi-${PROJECT_VERSION}-x64")
# The Start-menu shortcut: target doudi(.exe), its name.
set(CPACK_PACKAGE_EXECUTABLES "doudi" "兜底 社会救助工作台")

if(CMAKE_HOST_WIN32)
  set(CPACK_GENERATOR "WIX")
else()
  # A cross build on Linux: the MSI comes from scripts/windows-msi (wixl);
  # `cpack` here gives a ZIP of the same Program Files layout.
  set(CPACK_GENERATOR "ZIP")
endif()

# Fixed forever, the same as installer/doudi.wxs: a different UpgradeCode
# would install beside older versions instead of replacing them.
set(CPACK_WIX_UPGRADE_GUID "68817466-039D-420C-8B68-C4BF3C533899")
set(CPACK_WIX_PRODUCT_ICON "${PROJECT_SOURCE_DIR}/assets/icons/doudi.ico")
set(CPACK_WIX_CULTURES "zh-CN")
# "." : the shortcut directly in the Start menu, no folder for one program.
set(CPACK_WIX_PROGRAM_MENU_FOLDER ".")
set(CPACK_WIX_EXTRA_SOURCES "${PROJECT_SOURCE_DIR}/installer/config.wxs")
set(CPACK_WIX_PATCH_FILE "${PROJECT_SOURCE_DIR}/installer/cpack-patch.xml")
set(CPACK_WIX_CANDLE_EXTRA_FLAGS "-dConfigTemplate=${PROJECT_SOURCE_DIR}/installer/doudi.ini")
# Per machine (Program Files, all users' Start menu).
if(CMAKE_VERSION VERSION_GREATER_EQUAL 3.29)
  set(CPACK_WIX_INSTALL_SCOPE "perMachine")
else()
  set(CPACK_WIX_PROPERTY_ALLUSERS "1")
endif()

# What goes into [ProgramFiles64Folder]Doudi\: the two static executables
# (no DLLs), the Chinese catalog where the program looks for it
# (<exe dir>\locale\zh_CN\LC_MESSAGES\doudi.mo) and the document fonts
# (<exe dir>\fonts). Called at the end of the top-level directory.
function(doudi_packaging_install_rules)
  foreach(target doudi doudi-admin)
    if(NOT TARGET ${target})
      # Configure anyway; packaging stops with the reason.
      install(CODE "message(FATAL_ERROR \"Doudi package: the ${target} target is not part of this build\")")
      return()
    endif()
  endforeach()
  install(TARGETS doudi doudi-admin RUNTIME DESTINATION .)
  get_target_property(gui_binary_dir doudi BINARY_DIR)
  # wxstd-3.2.mo (wxWidgets' own messages) is copied there by gui/CMakeLists.txt
  # when the build has one (DOUDI_WXSTD_MO; configure warns when not).
  install(FILES "${gui_binary_dir}/locale/zh_CN/LC_MESSAGES/doudi.mo"
          DESTINATION locale/zh_CN/LC_MESSAGES)
  install(FILES "${gui_binary_dir}/locale/zh_CN/LC_MESSAGES/wxstd-3.2.mo"
          DESTINATION locale/zh_CN/LC_MESSAGES OPTIONAL)
  install(FILES "${CMAKE_BINARY_DIR}/fonts/DoudiSansSC-Regular.otf"
                "${CMAKE_BINARY_DIR}/fonts/DoudiSansSC-Bold.otf"
          DESTINATION fonts)
endfunction()
cmake_language(DEFER DIRECTORY "${CMAKE_SOURCE_DIR}" CALL doudi_packaging_install_rules)

include(CPack)
