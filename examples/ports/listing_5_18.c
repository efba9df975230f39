#include <xm.h>
#include "std_c.h"

#define PORT_NAME "port2"
#define PORT_SIZE 48

void PartitionMain(void) { // partition entry point
    int value;
    int previous = 0;
    int portDesc;
    xm_u32_t flags;

    portDesc = XM_create_sampling_port(PORT_NAME, PORT_SIZE, XM_DESTINATION_PORT);
    if (portDesc < 0) {
        xprintf("[%s] cannot be created", PORT_NAME);
        return;
    }
    while (1) {
        XM_read_sampling_message(portDesc, &value, sizeof(value), &flags);
        if (value > previous + 1) {
            xprintf("%d\n", value);
            previous = value;
        }
    }
}
