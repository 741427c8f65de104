/* Timer session interface. Time is virtual: one tick per retired instruction. */
#include "crspec.h"

cap_t timer_open(void)
{
	return parent_session("Timer", "");
}

static int timer_request(cap_t timer, uint32_t op, cap_t cap, uint32_t word)
{
	struct crspec_msg msg;

	msg_init(&msg, op);
	msg.cap = cap;
	msg.word[0] = word;
	return rpc_call(timer, &msg);
}

int timer_sigh(cap_t timer, cap_t context)
{
	return timer_request(timer, TIMER_SIGH, context, 0);
}

int timer_trigger_once(cap_t timer, uint32_t ticks)
{
	return timer_request(timer, TIMER_TRIGGER_ONCE, 0, ticks);
}

int timer_trigger_periodic(cap_t timer, uint32_t period)
{
	return timer_request(timer, TIMER_TRIGGER_PERIODIC, 0, period);
}

int timer_elapsed(cap_t timer, uint64_t *ticks)
{
	struct crspec_msg msg;
	int result;

	msg_init(&msg, TIMER_ELAPSED);
	result = rpc_call(timer, &msg);
	if (result == RPC_OK)
		*ticks = ((uint64_t)msg.word[1] << 32) | msg.word[0];
	return result;
}
