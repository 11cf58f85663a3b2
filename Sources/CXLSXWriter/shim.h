#ifndef PLEDGEKIT_CXLSXWRITER_SHIM_H
#define PLEDGEKIT_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
