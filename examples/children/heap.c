/*
 * heap: allocates RAM dataspaces at run time through the PD session and logs one line per
 * step that depends on their contents.
 *
 *   table    8 KiB, attached where the region map chooses (from 0x40000000 upwards)
 *   fixed    4 KiB, attached at FIXED_ADDRESS
 *   spare   12 KiB, allocated and never attached (so it stays zero-filled)
 *   scratch  4 KiB, attached and filled in steps 1 to DETACH_STEP, then detached but kept
 *            allocated. Step REATTACH_STEP attaches it again and logs its checksum, which
 *            must match the one logged before the detach.
 */
#include "runtime/crspec.h"

#define STEPS 12
#define DETACH_STEP 4
#define REATTACH_STEP 10
#define TABLE_SIZE 8192
#define FIXED_SIZE 4096
#define SPARE_SIZE 12288
#define SCRATCH_SIZE 4096
#define FIXED_ADDRESS 0x20000000u

static unsigned sum_words(const unsigned *words, unsigned count)
{
	unsigned sum = 0;

	for (unsigned i = 0; i < count; i++)
		sum = (sum << 5 | sum >> 27) ^ words[i];
	return sum;
}

int main(void)
{
	cap_t log = log_open("heap");
	cap_t pd = pd_session();
	cap_t rm = pd_address_space(pd);
	cap_t table_ds, fixed_ds, spare_ds, scratch_ds;
	unsigned *table, *fixed, *scratch;
	uint32_t spare_size = 0;
	unsigned scratch_sum = 0;

	if (!log || !pd || !rm)
		return 1;

	/* allocate and attach */
	table_ds = pd_alloc(pd, TABLE_SIZE);
	fixed_ds = pd_alloc(pd, FIXED_SIZE);
	spare_ds = pd_alloc(pd, SPARE_SIZE);
	scratch_ds = pd_alloc(pd, SCRATCH_SIZE);
	if (!table_ds || !fixed_ds || !spare_ds || !scratch_ds)
		return 2;
	table = (unsigned *)rm_attach(rm, table_ds, 0, 0, 0, RM_WRITABLE);
	fixed = (unsigned *)rm_attach(rm, fixed_ds, FIXED_ADDRESS, 0, 0,
	                              RM_WRITABLE | RM_AT_ADDRESS);
	scratch = (unsigned *)rm_attach(rm, scratch_ds, 0, 0, 0, RM_WRITABLE);
	if (!table || !fixed || !scratch)
		return 3;
	if (ds_size(spare_ds, &spare_size) != RPC_OK)
		return 4;
	log_printf(log, "table at %p, fixed at %p, scratch at %p, spare size %lu", table, fixed,
	           scratch, spare_size);

	for (unsigned step = 1; step <= STEPS; step++) {
		const unsigned table_words = TABLE_SIZE / 4;
		const unsigned fixed_words = FIXED_SIZE / 4;
		const unsigned scratch_words = SCRATCH_SIZE / 4;

		/* Each word depends on its old value and on its neighbour's new one. */
		table[0] = table[0] * 3 + table[table_words - 1] + step;
		for (unsigned i = 1; i < table_words; i++)
			table[i] = table[i] * 3 + table[i - 1] + step;
		for (unsigned i = 0; i < fixed_words; i++)
			fixed[i] ^= table[2 * i] + i;

		if (step <= DETACH_STEP) {
			for (unsigned i = 0; i < scratch_words; i++)
				scratch[i] += fixed[i] ^ step;
			scratch_sum = sum_words(scratch, scratch_words);
		}

		log_printf(log, "step %u: table=%08x fixed=%08x scratch=%08x", step,
		           sum_words(table, table_words), sum_words(fixed, fixed_words), scratch_sum);

		if (step == DETACH_STEP) {
			if (rm_detach(rm, (uintptr_t)scratch) != RPC_OK)
				return 5;
			scratch = 0;
			log_write(log, "scratch detached");
		}
		if (step == REATTACH_STEP) {
			scratch = (unsigned *)rm_attach(rm, scratch_ds, 0, 0, 0, RM_WRITABLE);
			if (!scratch)
				return 6;
			log_printf(log, "scratch attached again: scratch=%08x",
			           sum_words(scratch, scratch_words));
		}
	}

	log_write(log, "done");
	return 0;
}
