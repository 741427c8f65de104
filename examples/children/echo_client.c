/*
 * echo_client: opens a session of the service "Echo" that another component announced and
 * calls it 8 times, logging each reply, then exits with 0. Between calls it does about 800
 * instructions of work of its own.
 */
#include "runtime/crspec.h"

#define OP_ECHO 1
#define CALLS 8

/* Not static, so that tests can read them by symbol. */
cap_t echo_cap;
unsigned checksum;

int main(void)
{
	struct crspec_msg msg;
	char text[32];
	cap_t log;
	int result;

	log = log_open("echo_client");
	if (!log)
		return 1;
	echo_cap = parent_session("Echo", "");
	if (!echo_cap) {
		log_write(log, "no Echo service");
		return 2;
	}

	for (unsigned call = 1; call <= CALLS; call++) {
		for (unsigned i = 0; i < 100; i++)
			checksum = checksum * 31u + call + i;
		msg_init(&msg, OP_ECHO);
		msg.word[0] = checksum;
		snprintf(text, sizeof text, "ping %u", call);
		msg_set_text(&msg, text);
		result = rpc_call(echo_cap, &msg);
		if (msg.len >= sizeof text)
			msg.len = sizeof text - 1;
		memcpy(text, msg.data, msg.len);
		text[msg.len] = 0;
		log_printf(log, "echo %u: result=%d value=%08lx served=%lu text=%s", call, result,
		           msg.word[0], msg.word[1], text);
	}
	log_write(log, "done");
	return 0;
}
