/* Starting a secondary thread on a stack of its own (see thread_entry.S). */
#include "crspec.h"

/* Entry stub in thread_entry.S: loads entry and arg from 0(sp) and 4(sp), sets gp, calls
 * entry(arg) and ends the thread. */
extern void __thread_entry(void);

cap_t thread_spawn(cap_t pd, cap_t cpu, cap_t rm, const char *name, void (*entry)(void *),
                   void *arg)
{
	cap_t stack;
	uintptr_t base;
	cap_t thread;
	uint32_t *top;

	/* allocate and attach the stack */
	stack = pd_alloc(pd, THREAD_STACK_SIZE);
	if (!stack)
		return 0;
	base = rm_attach(rm, stack, 0, 0, 0, RM_WRITABLE);
	if (!base)
		goto free_stack;

	/* create the thread */
	thread = cpu_create_thread(cpu, name);
	if (!thread)
		goto detach_stack;

	/* The two words at the 16-byte aligned top are the stub's arguments; the thread's frames
	 * grow downwards below them. */
	top = (uint32_t *)(base + THREAD_STACK_SIZE - 16);
	top[0] = (uint32_t)(uintptr_t)entry;
	top[1] = (uint32_t)(uintptr_t)arg;

	/* start it */
	if (thread_start(thread, (uintptr_t)__thread_entry, (uintptr_t)top) != RPC_OK)
		goto kill_thread;
	return thread;

kill_thread:
	cpu_kill_thread(cpu, thread);
detach_stack:
	rm_detach(rm, base);
free_stack:
	pd_free(pd, stack);
	return 0;
}
