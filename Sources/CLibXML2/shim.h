#ifndef ECCA_CLIBXML2_SHIM_H
#define ECCA_CLIBXML2_SHIM_H
/* libxml2 built with ICU clashes with Foundation's ICU ("'UErrorCode' has different definitions"). */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/relaxng.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlstring.h>
#include <libxml/uri.h>

/* xmlFree is a global function-pointer variable; Swift cannot call it safely across modules. */
static inline void ecca_xml_free(void *p) { if (p) xmlFree(p); }

/* Structured error handler that ignores everything: installed globally so libxml2 never prints. */
static inline void ecca_xml_silence(void *ctx, xmlErrorPtr err) { (void)ctx; (void)err; }
static inline void ecca_xml_install_silence(void) {
    xmlSetStructuredErrorFunc(NULL, (xmlStructuredErrorFunc)ecca_xml_silence);
}
/* The runtime libxml2 version ("20914"); xmlParserVersion may be a thread-local macro. */
static inline const char *ecca_xml_parser_version(void) { return xmlParserVersion; }
#endif
