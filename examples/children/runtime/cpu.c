/* CPU session and thread interfaces. */
#include "crspec.h"

cap_t cpu_session(void)
{
	return parent_session("CPU", "");
}

cap_t cpu_create_thread(cap_t cpu, const char *name)
{
	struct crspec_msg msg;

	msg_init(&msg, CPU_CREATE_THREAD);
	msg_set_text(&msg, name);
	if (rpc_call(cpu, &msg) != RPC_OK)
		return 0;
	return msg.cap;
}

int cpu_kill_thread(cap_t cpu, cap_t thread)
{
	struct crspec_msg msg;

	msg_init(&msg, CPU_KILL_THREAD);
	msg.cap = thread;
	return rpc_call(cpu, &msg);
}

int thread_start(cap_t thread, uintptr_t ip, uintptr_t sp)
{
	struct crspec_msg msg;

	msg_init(&msg, THREAD_START);
	msg.word[0] = ip;
	msg.word[1] = sp;
	return rpc_call(thread, &msg);
}

int thread_pause(cap_t thread)
{
	struct crspec_msg msg;

	msg_init(&msg, THREAD_PAUSE);
	return rpc_call(thread, &msg);
}

int thread_resume(cap_t thread)
{
	struct crspec_msg msg;

	msg_init(&msg, THREAD_RESUME);
	return rpc_call(thread, &msg);
}
