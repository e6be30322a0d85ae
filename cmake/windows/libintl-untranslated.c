/* A stand-in for GNU libintl in the Windows cross build (scripts/windows-deps):
 * glib insists on an intl dependency and would otherwise fetch its
 * proxy-libintl subproject from the network. Like proxy-libintl without a
 * real libintl, every function returns the untranslated message. Doudi
 * translates its own interface with wxWidgets' catalogs, not gettext. */
#include <stddef.h>

static const char *default_domain = "messages";

char *gettext(const char *msgid) { return (char *)msgid; }
char *dgettext(const char *domain, const char *msgid) { (void)domain; return (char *)msgid; }
char *dcgettext(const char *domain, const char *msgid, int category)
{ (void)domain; (void)category; return (char *)msgid; }
char *ngettext(const char *msgid, const char *plural, unsigned long n)
{ return (char *)(n == 1 ? msgid : plural); }
char *dngettext(const char *domain, const char *msgid, const char *plural, unsigned long n)
{ (void)domain; return (char *)(n == 1 ? msgid : plural); }
char *dcngettext(const char *domain, const char *msgid, const char *plural, unsigned long n, int category)
{ (void)domain; (void)category; return (char *)(n == 1 ? msgid : plural); }
char *textdomain(const char *domain)
{ if (domain != NULL) default_domain = domain; return (char *)default_domain; }
char *bindtextdomain(const char *domain, const char *dir) { (void)domain; return (char *)dir; }
char *bind_textdomain_codeset(const char *domain, const char *codeset) { (void)domain; return (char *)codeset; }
