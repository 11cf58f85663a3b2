#ifndef PLEDGEKIT_CLIBXML2_SHIM_H
#define PLEDGEKIT_CLIBXML2_SHIM_H
// Debian's libxml2 pulls in the system ICU headers, whose UErrorCode clashes with the one
// Foundation carries; the reader needs no ICU, so switch it off before anything includes it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/parser.h>
// zlib (which libxml2 links too): XLSXReader inflates zip entries itself, bounded and pull-based,
// so that a hostile archive can neither hang nor over-read (see XLSXReader/EntryInflater.swift).
#include <zlib.h>
#endif
