/*
 * misuser: system calls with wrong arguments, each followed by a LOG line with the status the
 * kernel returned, so that a test can check every status and that the component continues.
 *
 * In order: a call on an unused capability index and on index 0, a call with a misaligned
 * message, an unknown system call number, a wait on an unused index and on a LOG session,
 * reply_and_wait as the first IPC of a server (no caller: it only waits, and receives the
 * request of the thread "helper"), and, when the service "Echo" is announced, a wait on the
 * endpoint of that other component. Then "done" and exit 0.
 */
#include "runtime/crspec.h"

#define OP_VALUE 1
#define OP_STOP 2
#define ECHO_OP_ENDPOINT 2

#define UNUSED_INDEX 77
#define BADGE 0x33

/* Not static, so that tests can read them by symbol. */
cap_t log_cap;
cap_t object_cap;

static uint32_t raw_syscall(uint32_t number)
{
	register uint32_t a0 __asm__("a0") = 0;
	register uint32_t a7 __asm__("a7") = number;

	__asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "a1", "a2", "memory");
	return a0;
}

static void helper_main(void *arg)
{
	struct crspec_msg msg;
	int result;

	(void)arg;
	msg_init(&msg, OP_VALUE);
	msg.word[0] = 21;
	result = rpc_call(object_cap, &msg);
	log_printf(log_cap, "helper: result=%d value=%lu", result, msg.word[0]);
	msg_init(&msg, OP_STOP);
	rpc_call(object_cap, &msg);
}

int main(void)
{
	static struct crspec_msg msg;
	static uint32_t misaligned[80];
	cap_t pd, cpu, rm, endpoint, echo;
	uint32_t badge = 0;
	int status;

	log_cap = log_open("misuser");
	pd = pd_session();
	cpu = cpu_session();
	rm = pd_address_space(pd);
	endpoint = pd_alloc_endpoint(pd);
	object_cap = pd_alloc_rpc_object(pd, endpoint, BADGE);
	if (!log_cap || !pd || !cpu || !rm || !endpoint || !object_cap)
		return 1;

	msg_init(&msg, LOG_WRITE);
	log_printf(log_cap, "call unused index: status=%lu", sys_call(UNUSED_INDEX, &msg));
	log_printf(log_cap, "call index 0: status=%lu", sys_call(0, &msg));
	log_printf(log_cap, "call misaligned message: status=%lu",
	           sys_call(log_cap, (struct crspec_msg *)((char *)misaligned + 2)));
	log_printf(log_cap, "unknown system call: status=%lu", raw_syscall(99));
	log_printf(log_cap, "wait unused index: status=%lu", sys_wait(UNUSED_INDEX, &msg, &badge));
	log_printf(log_cap, "wait on a LOG session: status=%lu", sys_wait(log_cap, &msg, &badge));

	if (!thread_spawn(pd, cpu, rm, "helper", helper_main, 0))
		return 2;
	msg_init(&msg, 0x77);
	status = rpc_reply_and_wait(endpoint, &msg, &badge);
	log_printf(log_cap, "first reply_and_wait: status=%d badge=%lx op=%lu value=%lu", status, badge,
	           msg.op, msg.word[0]);
	msg.word[0] *= 2;
	msg.op = RPC_OK;
	status = rpc_reply_and_wait(endpoint, &msg, &badge);
	log_printf(log_cap, "second reply_and_wait: status=%d op=%lu", status, msg.op);

	echo = parent_session("Echo", "");
	if (echo) {
		msg_init(&msg, ECHO_OP_ENDPOINT);
		status = rpc_call(echo, &msg);
		log_printf(log_cap, "Echo endpoint: result=%d transferred=%s", status,
		           msg.cap ? "yes" : "no");
		log_printf(log_cap, "wait on a foreign endpoint: status=%lu",
		           sys_wait(msg.cap, &msg, &badge));
	} else {
		log_write(log_cap, "no Echo service");
	}

	log_write(log_cap, "done");
	return 0;
}
