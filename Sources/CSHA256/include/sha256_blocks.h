#ifndef ECCA_SHA256_BLOCKS_H
#define ECCA_SHA256_BLOCKS_H

#include <stddef.h>
#include <stdint.h>

/// Whether this CPU has the SHA extensions (x86 SHA-NI with SSSE3 and SSE4.1), which
/// `ecca_sha256_blocks` uses; 0 elsewhere, where it must not be called.
int ecca_sha256_hardware(void);

/// Compresses `blocks` 64-byte blocks of `data` into `state` (H0…H7), as FIPS 180-4, 6.2.2 does.
void ecca_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
