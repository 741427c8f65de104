/*
 * faulter: one thread stops on a fault while the initial thread keeps running.
 *
 * main spawns the thread "faulty", which counts for a while and then loads a word from the
 * address 0x24 (a field of a struct behind a null pointer). The first 64 KiB are unmapped, so
 * the load stops the thread with a load page fault at 0x24. main runs 12 steps of about 4,000
 * instructions each, logs one line per step and exits with 0.
 */
#include "runtime/crspec.h"

#define STEPS 12
#define SPIN_ROUNDS 500

/* A record read through a null pointer; its field value sits at offset 0x24. */
struct record {
	uint32_t header[9];
	uint32_t value;
};

/* Not static, so that tests can read them by symbol. */
volatile unsigned faulty_progress;
unsigned checksum;
struct record *volatile missing;

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

static void faulty_main(void *arg)
{
	(void)arg;
	faulty_progress = spin(1, 1500);
	faulty_progress += missing->value;
}

int main(void)
{
	cap_t log, pd, cpu, rm;

	log = log_open("faulter");
	pd = pd_session();
	cpu = cpu_session();
	rm = pd_address_space(pd);
	if (!log || !pd || !cpu || !rm)
		return 1;
	if (!thread_spawn(pd, cpu, rm, "faulty", faulty_main, 0))
		return 2;

	for (unsigned step = 1; step <= STEPS; step++) {
		checksum = spin(checksum ^ step, SPIN_ROUNDS);
		log_printf(log, "step %u: checksum=%08x progress=%08x", step, checksum, faulty_progress);
	}
	log_write(log, "done");
	return 0;
}
