#include <xm.h>
#include "std_c.h"

#define PORT_NAME "port1"
#define PORT_SIZE 48

void PartitionMain(void) { // partition entry point
    int counter = 0;
    int portDesc;

    portDesc = XM_create_sampling_port(PORT_NAME, PORT_SIZE, XM_SOURCE_PORT);
    if (portDesc < 0) {
        xprintf("[%s] cannot be created", PORT_NAME);
        return;
    }
    while (1) {
        counter++;
        if (!(counter % 1000))
            XM_write_sampling_message(portDesc, &counter, sizeof(counter));
    }
}
