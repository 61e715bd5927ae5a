// libxml2's xmlversion.h turns on ICU support, which would pull system ICU headers into a
// Swift module that also imports Foundation (which bundles its own ICU): "different
// definitions". Undefine it before anything else is included.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
