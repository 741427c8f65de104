/*
 * counter: 20 steps, each one LOG line. Every line depends on the initialised word counter
 * (starts at 100) and on the zero-initialised buffer and checksum, all updated in earlier
 * steps, so a restored run that lost or repeated memory writes logs different lines.
 * A busy loop of a few thousand instructions per step lets checkpoints land between calls.
 */
#include "runtime/crspec.h"

#define STEPS 20
#define SPIN_ROUNDS 500

/* Not static, so that every step stores the values to memory before calling into the
 * runtime (the compiler cannot keep them in registers across an external call). */
unsigned counter = 100;
char buffer[STEPS + 1];
unsigned checksum;

/* Mixes seed through rounds of a multiply-xorshift step (about 8 instructions per round). */
static unsigned spin(unsigned seed, unsigned rounds)
{
	unsigned x = seed;

	for (unsigned i = 0; i < rounds; i++) {
		x = x * 1103515245u + 12345u;
		x ^= x >> 13;
	}
	return x;
}

int main(void)
{
	cap_t log = log_open("counter");

	if (!log)
		return 1;

	for (unsigned step = 1; step <= STEPS; step++) {
		checksum = spin(checksum ^ counter, SPIN_ROUNDS);
		counter++;
		buffer[step - 1] = (char)('a' + (checksum + counter + (unsigned char)buffer[step / 2]) % 26);
		log_printf(log, "step %u: counter=%u checksum=%08x buffer=%s", step, counter, checksum,
		           buffer);
	}

	log_write(log, "done");
	return 0;
}
