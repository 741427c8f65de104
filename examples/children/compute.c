/*
 * compute: a compute-bound child for measuring the interpreter and for long runs.
 *
 * It runs a sieve of Eratosthenes over the odd numbers, once per round, with the limit growing
 * to LIMIT in the last round. After each round it logs the number of primes and an FNV-1a
 * hash of the bitmap. The rounds together retire some tens of millions of
 * instructions; the sieve state lives in a 64 KiB bss bitmap.
 */
#include "runtime/crspec.h"

#define LIMIT (1u << 20)
#define ROUNDS 4

/* Bit k is set when 2k + 1 is composite. */
uint32_t composite[LIMIT / 2 / 32];

/* Sieves the odd numbers below limit; returns the number of primes below limit. */
static unsigned sieve(unsigned limit)
{
	const unsigned bits = limit / 2;
	unsigned primes = limit > 2 ? 1 : 0; /* the prime 2 */

	memset(composite, 0, sizeof composite);
	composite[0] |= 1; /* 1 is not a prime */

	for (unsigned k = 1; k < bits; k++) {
		unsigned p = 2 * k + 1;

		if (composite[k >> 5] & (1u << (k & 31)))
			continue;
		primes++;
		if (p > limit / p)
			continue;
		/* p * p = 2j + 1 with j = (p * p - 1) / 2; successive odd multiples are 2p apart */
		for (unsigned j = (p * p) / 2; j < bits; j += p)
			composite[j >> 5] |= 1u << (j & 31);
	}
	return primes;
}

static uint32_t fnv1a(const void *bytes, size_t size)
{
	const uint8_t *p = bytes;
	uint32_t hash = 2166136261u;

	for (size_t i = 0; i < size; i++) {
		hash ^= p[i];
		hash *= 16777619u;
	}
	return hash;
}

int main(void)
{
	cap_t log = log_open("compute");

	if (!log)
		return 1;

	for (unsigned round = 1; round <= ROUNDS; round++) {
		unsigned limit = LIMIT / ROUNDS * round;
		unsigned primes = sieve(limit);

		log_printf(log, "round %u: %u primes below %u, bitmap hash %08lx", round, primes, limit,
		           fnv1a(composite, sizeof composite));
	}

	log_write(log, "done");
	return 0;
}
