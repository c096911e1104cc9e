// libqrencode (Debian's libqrencode-dev): the QR codes on the name tags.
#ifndef MINGLE_CQRENCODE_SHIM_H
#define MINGLE_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
