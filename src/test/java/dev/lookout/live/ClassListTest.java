package dev.lookout.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassListTest {

    @Test
    void trimsLowerCasesAndSkipsBlanksInTheOrderGiven() {
        assertEquals(List.of("person", "car", "traffic light"),
                List.copyOf(ClassList.parse(" Person, CAR ,, traffic light,person")));
        assertEquals(List.of(), List.copyOf(ClassList.parse(null)));
        assertEquals(List.of(), List.copyOf(ClassList.parse(" , ")));
    }
}
