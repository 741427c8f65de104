/*
 * ticker: a counter driven by timeouts of a Timer session.
 *
 * Five one-shot steps (trigger_once with 2,000, 4,000, ... ticks, then signal_wait), then five
 * periodic steps (trigger_periodic with a period of 3,000 ticks). Each step logs the signal's
 * badge and count and the ticks elapsed since the session was opened, so a timeout that fires
 * early, late or twice changes the output.
 */
#include "runtime/crspec.h"

#define ONCE_STEPS 5
#define ONCE_TICKS 2000
#define PERIODIC_STEPS 5
#define PERIOD 3000
#define BADGE 7

int main(void)
{
	cap_t log, timer, pd, receiver, context;
	uint32_t badge = 0, count = 0;
	uint64_t elapsed = 0;
	int status;

	log = log_open("ticker");
	timer = timer_open();
	pd = pd_session();
	receiver = pd_alloc_signal_receiver(pd);
	context = pd_alloc_signal_context(pd, receiver, BADGE);
	if (!log || !timer || !pd || !receiver || !context || timer_sigh(timer, context) != RPC_OK)
		return 1;

	for (unsigned step = 1; step <= ONCE_STEPS; step++) {
		timer_trigger_once(timer, ONCE_TICKS * step);
		status = signal_wait(receiver, &badge, &count);
		timer_elapsed(timer, &elapsed);
		log_printf(log, "once %u: status=%d badge=%lu count=%lu elapsed=%u", step, status,
		           badge, count, (unsigned)elapsed);
	}

	timer_trigger_periodic(timer, PERIOD);
	for (unsigned step = 1; step <= PERIODIC_STEPS; step++) {
		status = signal_wait(receiver, &badge, &count);
		timer_elapsed(timer, &elapsed);
		log_printf(log, "periodic %u: status=%d badge=%lu count=%lu elapsed=%u", step, status,
		           badge, count, (unsigned)elapsed);
	}
	timer_trigger_periodic(timer, 0);

	log_write(log, "done");
	return 0;
}
