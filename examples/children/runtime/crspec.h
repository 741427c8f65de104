/*
 * Client library of crspec children: the message format, a C function for every RPC
 * operation of docs/abi.md, a thread helper and a few freestanding string functions.
 *
 * Conventions:
 * - Functions that create or look up a capability return its index, or 0 (the invalid
 *   capability) on any failure.
 * - rm_attach returns the address of the attachment, or 0 on failure (no attachment can start
 *   at 0, because the first 64 KiB are never mapped).
 * - Every other RPC function returns the code of rpc_call: 0 on success, a positive RPC_*
 *   result code from the server, or a negative SYS_STATUS_* value from the kernel.
 * Messages live on the caller's stack; none of these functions keeps state between calls.
 */
#ifndef CRSPEC_H
#define CRSPEC_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "syscall.h"

/* ---- Messages ---------------------------------------------------------------------------- */

#define MSG_WORDS 4
#define MSG_DATA_MAX 256

/* An RPC message: 284 bytes, 4-byte aligned. */
struct crspec_msg {
	uint32_t op;               /* request: operation number; reply: RPC_* result code */
	cap_t cap;                 /* capability transferred with the message, 0 for none */
	uint32_t word[MSG_WORDS];  /* arguments or results */
	uint32_t len;              /* number of valid bytes in data, at most MSG_DATA_MAX */
	uint8_t data[MSG_DATA_MAX];
} __attribute__((aligned(4)));

_Static_assert(sizeof(struct crspec_msg) == 284, "a message is 284 bytes");
_Static_assert(offsetof(struct crspec_msg, len) == 24, "len is at offset 24");
_Static_assert(offsetof(struct crspec_msg, data) == 28, "data is at offset 28");

/* Result codes in op of a reply. */
#define RPC_OK 0
#define RPC_INVALID_CAPABILITY 1
#define RPC_INVALID_ARGUMENT 2
#define RPC_OUT_OF_RAM 3
#define RPC_OUT_OF_CAPS 4
#define RPC_REGION_CONFLICT 5
#define RPC_INVALID_OPERATION 6
#define RPC_INVALID_STATE 7
#define RPC_SERVICE_DENIED 8

/* Clears *msg and sets its operation number. */
void msg_init(struct crspec_msg *msg, uint32_t op);

/* Copies size bytes into msg->data and sets msg->len. Returns 0, or -1 when size exceeds
 * MSG_DATA_MAX (the message is then left unchanged). */
int msg_set_data(struct crspec_msg *msg, const void *bytes, size_t size);

/* Copies the NUL-terminated string text into msg->data (without the NUL), cutting it at
 * MSG_DATA_MAX bytes, and sets msg->len. */
void msg_set_text(struct crspec_msg *msg, const char *text);

/* Calls the object cap with *msg and waits for the reply, which overwrites *msg. Returns 0 on
 * success, the reply's RPC_* code when the server reports a failure, or -status when the
 * kernel rejects the call with a SYS_STATUS_* status. */
int rpc_call(cap_t cap, struct crspec_msg *msg);

/* ---- Parent (capability index in __parent_cap) ---------------------------------------- */

#define PARENT_SESSION 1
#define PARENT_CLOSE 2
#define PARENT_EXIT 3
#define PARENT_ANNOUNCE 4

/* The parent capability index, written by the loader into the first word of the writable
 * segment. */
extern cap_t __parent_cap;

/* Opens a session of service with arguments args ("key=value" pairs separated by ",", may be
 * empty). Returns the session, or 0 when the parent denies it or the request does not fit
 * into one message. */
cap_t parent_session(const char *service, const char *args);

/* Closes a session opened with parent_session. */
int parent_close(cap_t session);

/* Ends the component with exit code code. Does not return. */
__attribute__((noreturn)) void parent_exit(int code);

/* Announces service, served by the RPC object object of this component: afterwards a session
 * request of any component for service returns a capability to object. */
int parent_announce(const char *service, cap_t object);

/* ---- PD session ------------------------------------------------------------------------ */

#define PD_ALLOC 1
#define PD_FREE 2
#define PD_ADDRESS_SPACE 3
#define PD_ALLOC_ENDPOINT 4
#define PD_ALLOC_RPC_OBJECT 5
#define PD_ALLOC_SIGNAL_RECEIVER 6
#define PD_ALLOC_SIGNAL_CONTEXT 7
#define PD_SUBMIT 8
#define PD_RAM_AVAIL 9
#define PD_ALLOC_REGION_MAP 10

/* The child's own PD session; every request returns the same capability. */
cap_t pd_session(void);

/* Allocates a zero-filled RAM dataspace of size bytes, rounded up to whole pages. */
cap_t pd_alloc(cap_t pd, uint32_t size);

/* Frees a RAM dataspace allocated with pd_alloc. */
int pd_free(cap_t pd, cap_t ds);

/* The region map of the PD's address space. */
cap_t pd_address_space(cap_t pd);

/* Allocates an endpoint to receive RPCs on. */
cap_t pd_alloc_endpoint(cap_t pd);

/* Allocates an RPC object whose calls arrive at endpoint with badge. */
cap_t pd_alloc_rpc_object(cap_t pd, cap_t endpoint, uint32_t badge);

/* Allocates a signal receiver. */
cap_t pd_alloc_signal_receiver(cap_t pd);

/* Allocates a signal context that delivers badge to receiver. */
cap_t pd_alloc_signal_context(cap_t pd, cap_t receiver, uint32_t badge);

/* Submits one signal to context. */
int pd_submit(cap_t pd, cap_t context);

/* Stores the bytes left in the PD's RAM quota in *bytes. */
int pd_ram_avail(cap_t pd, uint32_t *bytes);

/* Allocates a region map of size bytes that can be attached as a managed dataspace. */
cap_t pd_alloc_region_map(cap_t pd, uint32_t size);

/* ---- Dataspace ------------------------------------------------------------------------- */

#define DS_SIZE 1

/* Stores the size of dataspace ds in bytes in *size. */
int ds_size(cap_t ds, uint32_t *size);

/* ---- Region map ------------------------------------------------------------------------ */

#define RM_ATTACH 1
#define RM_DETACH 2
#define RM_DATASPACE 3
#define RM_FAULT_HANDLER 4

/* Flags of rm_attach. */
#define RM_WRITABLE 1
#define RM_EXECUTABLE 2
#define RM_AT_ADDRESS 4

/* Attaches size bytes (0 = up to the end) of ds from offset. With RM_AT_ADDRESS in flags the
 * attachment starts at address, otherwise the region map chooses the address. Returns the
 * address, or 0 on failure. */
uintptr_t rm_attach(cap_t rm, cap_t ds, uintptr_t address, uint32_t size, uint32_t offset,
                    uint32_t flags);

/* Detaches the attachment that contains address. */
int rm_detach(cap_t rm, uintptr_t address);

/* The region map rm as a managed dataspace, for attaching into another region map. */
cap_t rm_dataspace(cap_t rm);

/* Installs context as the signal context notified on faults in rm. */
int rm_fault_handler(cap_t rm, cap_t context);

/* ---- CPU session and threads ----------------------------------------------------------- */

#define CPU_CREATE_THREAD 1
#define CPU_KILL_THREAD 2

#define THREAD_START 1
#define THREAD_PAUSE 2
#define THREAD_RESUME 3

/* The child's own CPU session; every request returns the same capability. */
cap_t cpu_session(void);

/* Creates a thread called name, not started. */
cap_t cpu_create_thread(cap_t cpu, const char *name);

/* Destroys thread. */
int cpu_kill_thread(cap_t cpu, cap_t thread);

/* Starts thread at instruction pointer ip with stack pointer sp. */
int thread_start(cap_t thread, uintptr_t ip, uintptr_t sp);

/* Pauses thread at an instruction boundary. */
int thread_pause(cap_t thread);

/* Resumes a paused thread. */
int thread_resume(cap_t thread);

/* Stack size of threads created by thread_spawn. */
#define THREAD_STACK_SIZE 16384

/* Creates and starts a thread called name that runs entry(arg) on a THREAD_STACK_SIZE stack.
 * The stack is allocated from pd and attached to rm, and the thread ends when entry returns.
 * Returns the thread, or 0 on failure after releasing whatever it had allocated. */
cap_t thread_spawn(cap_t pd, cap_t cpu, cap_t rm, const char *name, void (*entry)(void *),
                   void *arg);

/* ---- ROM session ----------------------------------------------------------------------- */

#define ROM_DATASPACE 1

/* Opens the ROM module called module. */
cap_t rom_open(const char *module);

/* The read-only dataspace of the module of ROM session rom. */
cap_t rom_dataspace(cap_t rom);

/* ---- LOG session ----------------------------------------------------------------------- */

#define LOG_WRITE 1

/* Opens a LOG session whose lines are labelled label. */
cap_t log_open(const char *label);

/* Writes text as one line; text longer than MSG_DATA_MAX bytes is cut. */
int log_write(cap_t log, const char *text);

/* Formats one line with the snprintf subset below and writes it with log_write. */
int log_printf(cap_t log, const char *format, ...) __attribute__((format(printf, 2, 3)));

/* ---- Timer session (one tick per retired instruction) ---------------------------------- */

#define TIMER_SIGH 1
#define TIMER_TRIGGER_ONCE 2
#define TIMER_TRIGGER_PERIODIC 3
#define TIMER_ELAPSED 4

/* Opens a Timer session. */
cap_t timer_open(void);

/* Installs context as the signal context notified on timeouts. */
int timer_sigh(cap_t timer, cap_t context);

/* Requests one timeout ticks from now. */
int timer_trigger_once(cap_t timer, uint32_t ticks);

/* Requests a timeout every period ticks; period 0 stops it. */
int timer_trigger_periodic(cap_t timer, uint32_t period);

/* Stores the ticks since the session was opened in *ticks. */
int timer_elapsed(cap_t timer, uint64_t *ticks);

/* ---- RPC servers and signals inside the child ------------------------------------------ */

/* Waits on endpoint for the first request, without replying. Stores the badge of the called
 * RPC object in *badge. Returns 0 or -status. */
int rpc_wait(cap_t endpoint, struct crspec_msg *msg, uint32_t *badge);

/* Sends *msg as the reply to the last request, then waits for the next one as rpc_wait. */
int rpc_reply_and_wait(cap_t endpoint, struct crspec_msg *msg, uint32_t *badge);

/* Waits for a signal on receiver; stores the context's badge and the number of signals since
 * the last wait. Returns 0 or -status. */
int signal_wait(cap_t receiver, uint32_t *badge, uint32_t *count);

/* ---- Freestanding string functions ---------------------------------------------------- */

/* The usual C library functions; the compiler may emit calls to memcpy, memset, memmove and
 * memcmp even in freestanding code. */
size_t strlen(const char *text);
int strcmp(const char *left, const char *right);
void *memcpy(void *destination, const void *source, size_t size);
void *memmove(void *destination, const void *source, size_t size);
void *memset(void *destination, int value, size_t size);
int memcmp(const void *left, const void *right, size_t size);

/* snprintf and vsnprintf for a subset of conversions: %d %i %u %x %X %c %s %p %%, an optional
 * "0" or "-" flag, a decimal field width, and the ignored length modifier "l". Other
 * conversions are copied verbatim. Returns the length the full output would have; the output
 * is cut to size - 1 bytes and always NUL-terminated when size > 0. */
int snprintf(char *buffer, size_t size, const char *format, ...)
	__attribute__((format(printf, 3, 4)));
int vsnprintf(char *buffer, size_t size, const char *format, va_list arguments);

#endif
