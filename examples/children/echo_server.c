/*
 * echo_server: announces the service "Echo" to its parent and serves it forever.
 *
 * Operations of an Echo session:
 * - 1 ECHO: word[0] = a value, data = text. The reply carries word[0] = a mix of the value
 *   (about 3,000 instructions of work, so a request stays in flight for a while),
 *   word[1] = the number of requests served so far, and data = the text in upper case.
 * - 2 ENDPOINT: the reply transfers the server's endpoint capability. A component other than
 *   this one cannot wait on it; tests use it to check that rule.
 * The server never exits: it waits for the next request.
 */
#include "runtime/crspec.h"

#define OP_ECHO 1
#define OP_ENDPOINT 2

#define BADGE 0xec
#define WORK_ROUNDS 380

/* Not static, so that tests can read it by symbol. */
unsigned served;

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

/* Serves one request in place: *msg holds the request on entry and the reply on return. */
static void serve(struct crspec_msg *msg, uint32_t badge, cap_t endpoint)
{
	uint32_t value = msg->word[0];

	if (badge != BADGE) {
		msg_init(msg, RPC_INVALID_OPERATION);
		return;
	}
	if (msg->op == OP_ENDPOINT) {
		msg_init(msg, RPC_OK);
		msg->cap = endpoint;
		return;
	}
	if (msg->op != OP_ECHO || msg->len > MSG_DATA_MAX) {
		msg_init(msg, RPC_INVALID_OPERATION);
		return;
	}
	served++;
	for (uint32_t i = 0; i < msg->len; i++) {
		if (msg->data[i] >= 'a' && msg->data[i] <= 'z')
			msg->data[i] = (uint8_t)(msg->data[i] - 'a' + 'A');
	}
	msg->op = RPC_OK;
	msg->cap = 0;
	msg->word[0] = spin(value, WORK_ROUNDS);
	msg->word[1] = served;
}

int main(void)
{
	struct crspec_msg msg;
	cap_t log, pd, endpoint, object;
	uint32_t badge = 0;
	int status;

	log = log_open("echo_server");
	pd = pd_session();
	endpoint = pd_alloc_endpoint(pd);
	object = pd_alloc_rpc_object(pd, endpoint, BADGE);
	if (!log || !pd || !endpoint || !object)
		return 1;
	status = parent_announce("Echo", object);
	log_printf(log, "announced Echo: result=%d", status);
	if (status != RPC_OK)
		return 2;

	status = rpc_wait(endpoint, &msg, &badge);
	while (status == 0) {
		serve(&msg, badge, endpoint);
		status = rpc_reply_and_wait(endpoint, &msg, &badge);
	}
	log_printf(log, "wait failed: status=%d", status);
	return 3;
}
