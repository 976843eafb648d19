#ifndef ECCA_CLIBCRYPTO_SHIM_H
#define ECCA_CLIBCRYPTO_SHIM_H
/* OpenSSL's libcrypto, for SHA-256 through its EVP digest interface (the one OpenSSL 3 keeps;
   it uses the CPU's SHA instructions where there are some). */
#include <openssl/evp.h>
#endif
