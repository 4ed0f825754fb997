#ifndef X12GATE_CLIBXML2_SHIM_H
#define X12GATE_CLIBXML2_SHIM_H
/* libxml2 built with ICU pulls <unicode/ucnv.h> into this module, which clashes with Foundation's own ICU
   (_FoundationICU) in any target that imports both. We never use libxml2's ICU converters: hide them. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlerror.h>
#endif
