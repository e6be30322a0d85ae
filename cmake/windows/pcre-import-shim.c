/* PocoFoundation in the dependency cache was compiled without PCRE_STATIC,
 * so its RegularExpression.cpp calls PCRE through DLL import slots
 * (__imp_pcre_*), while the cache holds PCRE as a static library. These are
 * the slots a DLL import library would provide, pointing at the static
 * functions (and, for pcre_free, at the static function-pointer variable).
 * Linked into Poco::Foundation by cmake/DoudiDependenciesWindows.cmake;
 * to be dropped once scripts/windows-deps builds Poco with -DPCRE_STATIC. */
#define PCRE_STATIC 1
#include <pcre.h>

void *__imp_pcre_compile = (void *)&pcre_compile;
void *__imp_pcre_exec = (void *)&pcre_exec;
void *__imp_pcre_study = (void *)&pcre_study;
void *__imp_pcre_free = (void *)&pcre_free;
